package org.singanseg.studio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.eval.EvaluationCsv;
import org.singanseg.studio.core.eval.TrainingBudget;
import org.singanseg.studio.testing.EvaluationFolders;
import org.singanseg.studio.ui.dataset.EvaluateService;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;

/**
 * Dataset > Evaluate in the real window (headless): a held-out run on tiny folders under both
 * budgets, without augmentation, shows a headline per budget and where the gain lies by test polyp
 * size, and writes its files into the synthetic folder.
 */
class EvaluateWindowUiTest extends StudioWindowTest {
    @TempDir
    Path dir;

    @Test
    void heldOutRunShowsTheHeadlineAndTheGainByPolypSize() throws Exception {
        EvaluationFolders.Folders folders = EvaluationFolders.create(dir, 4, 2);
        Path test = EvaluationFolders.testFolder(dir, folders, 3);
        fixture.closeDialogs(robot);
        robot.clickOn("Dataset");
        robot.clickOn("Evaluate Dataset…");
        robot.interact(() -> {
            text("#evaluate-real").setText(folders.real().toString());
            text("#evaluate-synthetic").setText(folders.synthetic().toString());
            text("#evaluate-test").setText(test.toString());
            spinner("#evaluate-draws").getEditor().setText("2");
            spinner("#evaluate-small-n").getEditor().setText("2");
            spinner("#evaluate-size").getEditor().setText("32");
            spinner("#evaluate-epochs").getEditor().setText("1");
            @SuppressWarnings("unchecked")
            ChoiceBox<TrainingBudget> budget = robot.lookup("#evaluate-budget").queryAs(ChoiceBox.class);
            budget.setValue(TrainingBudget.BOTH);
            robot.lookup("#evaluate-augment").queryAs(CheckBox.class).setSelected(false);
        });
        robot.clickOn("#evaluate-start");
        StudioAppFixture.await(180, "the headline", () -> !label("#evaluate-headline").getText().isEmpty(),
                () -> "evaluate says: " + label("#evaluate-message").getText());

        String headline = label("#evaluate-headline").getText();
        assertTrue(headline.contains("Budget steps: Adding 4 synthetic pairs to 2 real ones")
                && headline.contains("Budget epochs: "), headline);
        String bySize = label("#evaluate-by-size").getText();
        assertTrue(bySize.contains("IoU by test polyp size, budget steps: smallest third (polyp on ")
                && bySize.contains("IoU by test polyp size, budget epochs: ")
                && bySize.contains("largest third"), bySize);
        Path csv = folders.synthetic().resolve(EvaluateService.CSV);
        String summary = Files.readString(EvaluationCsv.summaryFile(csv));
        assertTrue(summary.contains("not augmented") && summary.contains(bySize.lines().findFirst().orElseThrow()),
                summary);
    }

    private TextField text(String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private Spinner<?> spinner(String id) {
        return robot.lookup(id).queryAs(Spinner.class);
    }

    private Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }
}
