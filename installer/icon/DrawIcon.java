import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws the app icon (a polyp in the colon's lumen, outlined like a segmentation mask, on a
 * pink-red tile) and writes it in every form the app and the installers need. Run from the project
 * folder after changing the drawing: {@code java installer/icon/DrawIcon.java}. Each size is drawn
 * anew rather than scaled down, so small icons stay sharp.
 */
public final class DrawIcon {
    private static final double UNITS = 256;

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(root.resolve("installer/linux/singan-seg-studio.png"), png(draw(256)));
        Files.write(root.resolve("installer/windows/singan-seg-studio.ico"), ico(16, 32, 48, 256));
        Files.write(root.resolve("installer/macos/singan-seg-studio.icns"), icns());
        Path window = root.resolve("src/main/resources/org/singanseg/studio/ui");
        for (int size : new int[]{16, 32, 64, 256}) {
            Files.write(window.resolve("app-icon-" + size + ".png"), png(draw(size)));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / UNITS, size / UNITS);

        // Tile: colon wall, lit from the top left.
        g.setPaint(radial(100, 90, 220, new float[]{0f, 1f}, new Color(0xF48A93), new Color(0xA51E38)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // Lumen: the dark tunnel of the colon, with two folds around it.
        g.setPaint(radial(160, 104, 70, new float[]{0f, 0.6f, 1f},
                new Color(0x3A0712), new Color(0x6E1426), new Color(0x6E142600, true)));
        g.fill(new Ellipse2D.Double(90, 34, 140, 140));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 200, 205, 90));
        g.draw(new Ellipse2D.Double(104, 48, 112, 112));
        g.draw(new Ellipse2D.Double(70, 16, 178, 178));
        // Polyp: a raised dome with a wet highlight.
        g.setPaint(radial(84, 150, 70, new float[]{0f, 1f}, new Color(0xFFD0C4), new Color(0xD8505E)));
        g.fill(new Ellipse2D.Double(44, 112, 104, 96));
        g.setColor(new Color(255, 255, 255, 190));
        g.fill(new Ellipse2D.Double(66, 128, 30, 18));
        // Its mask outline, in the green the app draws masks with.
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x39E07A));
        g.draw(new Ellipse2D.Double(32, 100, 128, 120));
        g.dispose();
        return image;
    }

    private static RadialGradientPaint radial(double x, double y, double radius, float[] stops, Color... colours) {
        return new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, stops, colours,
                MultipleGradientPaint.CycleMethod.NO_CYCLE);
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** Windows icon: 256 px as PNG, smaller sizes as 32-bit bitmaps, which every Windows tool reads. */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = sizes[i] >= 256 ? png(draw(sizes[i])) : bitmap(draw(sizes[i]));
        }
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header.capacity();
        for (int i = 0; i < sizes.length; i++) {
            byte side = (byte) (sizes[i] >= 256 ? 0 : sizes[i]);
            header.put(side).put(side).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** An icon entry's bitmap: header with doubled height, BGRA rows bottom-up, empty AND mask. */
    private static byte[] bitmap(BufferedImage image) {
        int size = image.getWidth();
        int maskRowBytes = ((size + 31) / 32) * 4;
        ByteBuffer out = ByteBuffer.allocate(40 + size * size * 4 + maskRowBytes * size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(40).putInt(size).putInt(2 * size).putShort((short) 1).putShort((short) 32);
        out.putInt(0).putInt(size * size * 4).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                out.putInt(image.getRGB(x, y)); // ARGB as a little-endian int is B, G, R, A
            }
        }
        return out.array();
    }

    /** macOS icon: PNG entries from 32 to 1024 px. */
    static byte[] icns() throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic13", 256);
        types.put("ic09", 512);
        types.put("ic14", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(entries);
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] image = png(draw(type.getValue()));
            data.writeBytes(type.getKey());
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + entries.size());
        entries.writeTo((OutputStream) file);
        return out.toByteArray();
    }
}
