package org.singanseg.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.testing.JavaComments;

/**
 * The layers, checked on the source text of src/main/java (imports and fully qualified names
 * alike, comments skipped): core is the engine, usable without a desktop and without the command
 * line; cli does not reach into the desktop; the desktop's views get plain data, not ND4J arrays.
 * Inside core, the layers (core.nn) know nothing of the networks built from them (SinGAN, the
 * U-Net, style transfer), and the plumbing that makes them fast (core.nn.compute) knows nothing of
 * the layers either: the algorithm reads without it.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "singanseg", "studio");

    /** A layer (a package under org.singanseg.studio) must not mention what the pattern matches. */
    private record Rule(String layer, String forbidden, Pattern pattern) {
        static Rule noPackage(String layer, String forbiddenPackage) {
            return new Rule(layer, forbiddenPackage, Pattern.compile("\\b" + Pattern.quote(forbiddenPackage) + "\\b"));
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.noPackage("core", "javafx"),
            Rule.noPackage("core", "org.singanseg.studio.ui"),
            Rule.noPackage("core", "org.singanseg.studio.cli"),
            Rule.noPackage("core/nn", "org.singanseg.studio.core.gan"),
            Rule.noPackage("core/nn", "org.singanseg.studio.core.seg"),
            Rule.noPackage("core/nn", "org.singanseg.studio.core.style"),
            // Any class of core.nn but those of compute itself.
            new Rule("core/nn/compute", "org.singanseg.studio.core.nn",
                    Pattern.compile("\\borg\\.singanseg\\.studio\\.core\\.nn\\.(?!compute\\b)")),
            Rule.noPackage("cli", "org.singanseg.studio.ui"),
            Rule.noPackage("ui", "org.nd4j"),
            // The simple name, so that a core method's array is caught even without an import.
            new Rule("ui", "org.nd4j.linalg.api.ndarray.INDArray", Pattern.compile("\\bINDArray\\b")));

    @Test
    void layersMentionOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            List<Path> files = javaFiles(SOURCES.resolve(rule.layer()));
            assertTrue(files.size() > 10, "the scan finds the " + rule.layer() + " sources: " + files.size());
            for (Path file : files) {
                String[] lines = JavaComments.strip(Files.readString(file)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (rule.pattern().matcher(lines[i]).find()) {
                        violations.add(SOURCES.relativize(file) + ":" + (i + 1) + " uses " + rule.forbidden()
                                + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }

    @Test
    void commentsAreSkippedButNotStrings() {
        String source = String.join("\n",
                "import a.B; // javafx.scene",
                "/* javafx.scene",
                "   javafx.scene */ String url = \"http://x/javafx.y\";",
                "char quote = '\"'; // javafx.z",
                "String s = \"\"\"",
                "    // javafx.kept",
                "    \"\"\";");
        assertEquals(String.join("\n",
                "import a.B; ",
                "",
                " String url = \"http://x/javafx.y\";",
                "char quote = '\"'; ",
                "String s = \"\"\"",
                "    // javafx.kept",
                "    \"\"\";"), JavaComments.strip(source));
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
