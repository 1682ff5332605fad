package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.Sequential;

/** The choice of segmentation network: ids, parsing and the networks they build. */
class SegmentationModelTest {

    @Test
    void parsesItsIds() {
        for (SegmentationModel model : SegmentationModel.values()) {
            assertEquals(model, SegmentationModel.parse(model.id()));
            assertEquals(model, SegmentationModel.parse(" " + model.id().toUpperCase() + " "));
        }
        assertEquals("unet", SegmentationModel.UNET.id());
        assertEquals("unetpp", SegmentationModel.UNET_PLUS_PLUS.id());
        assertEquals(SegmentationModel.UNET, SegmentationSettings.defaults().model());
    }

    @Test
    void rejectsAnUnknownIdNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationModel.parse("unet3+"));
        String message = e.getMessage();
        assertTrue(message.contains("'unet3+'") && message.contains("unet (") && message.contains("unetpp ("), message);
    }

    @Test
    void buildsItsNetwork() {
        assertTrue(SegmentationModel.UNET.network(DataType.FLOAT, 3, 2, 2).layers().get(0) instanceof UNet);
        Sequential net = SegmentationModel.UNET_PLUS_PLUS.network(DataType.FLOAT, 3, 2, 2);
        assertTrue(net.layers().get(0) instanceof UNetPlusPlus);
        net.initialise(new Random(1));
        assertArrayEquals(new long[]{1, 8, 8, 1}, net.forward(Nd4j.rand(DataType.FLOAT, 1, 8, 8, 3)).shape());
    }

    @Test
    void settingsDescribeTheirModel() {
        SegmentationSettings settings = SegmentationSettings.defaults();
        assertTrue(settings.describe().contains("U-Net depth 4"), settings.describe());
        SegmentationSettings plus = settings.withModel(SegmentationModel.UNET_PLUS_PLUS);
        assertTrue(plus.describe().contains("UNet++ depth 4"), plus.describe());
        assertEquals(settings.withModel(SegmentationModel.UNET_PLUS_PLUS).withSize(64), plus.withSize(64));
        assertThrows(IllegalArgumentException.class, () -> settings.withModel(null).validated());
    }
}
