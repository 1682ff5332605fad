package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.io.FileNameEncoding;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.CliProcess;
import org.singanseg.studio.testing.TinyModels;

/**
 * Under LANG=C Java reads '/tmp/ünïcode' as '/tmp/??n??code' and cannot name such a file; picocli
 * answered with "Malformed input or input contains unmappable characters" and its usage. Now the
 * command says what to set, and with that set the same command works.
 */
class NonAsciiPathTest {
    @TempDir
    Path dir;

    @Test
    void underLangCTheCommandSaysWhatToSetAndWithItTheSameCommandWorks() throws Exception {
        assumeTrue(FileNameEncoding.system().equals(StandardCharsets.UTF_8),
                "the tests run in a UTF-8 locale here, so they can hand a non-ASCII name to a child at all");
        Path model = dir.resolve("m.singan");
        ModelFile.save(TinyModels.trained(), model);
        Path out = dir.resolve("ünïcode");
        List<String> generate = List.of("generate", "--model", model.toString(), "--count", "1", "--out",
                out.toString());

        Path asciiLog = dir.resolve("c.log");
        assertEquals(2, run(asciiLog, Map.of("LC_ALL", "C", "LANG", "C"), generate));
        String said = Files.readString(asciiLog);
        assertTrue(said.contains("Error: The argument '") && said.contains("(US-ASCII, from LC_ALL=C)")
                && said.contains("LC_ALL=C.UTF-8"), said);
        assertFalse(said.contains("Usage:"), said);
        assertFalse(Files.exists(out));

        Path utf8Log = dir.resolve("utf8.log");
        assertEquals(0, run(utf8Log, Map.of("LC_ALL", "C.UTF-8", "LANG", "C"), generate), Files.readString(utf8Log));
        assertTrue(Files.exists(out.resolve("images/0000.png")));
    }

    @Test
    void anArgumentTheCharacterSetMangledIsNamed() {
        String[] args = {"generate", "--out", "/tmp/\uFFFD\uFFFDn\uFFFD\uFFFDcode"};
        String advice = FileNameEncoding.mangledArgument(args, StandardCharsets.US_ASCII, Map.of("LANG", "C"))
                .orElseThrow();
        assertTrue(advice.startsWith("The argument '/tmp/") && advice.contains("from LANG=C"), advice);
        assertTrue(FileNameEncoding.mangledArgument(new String[]{"--out", "/tmp/plain"}, StandardCharsets.US_ASCII,
                Map.of()).isEmpty());
    }

    private static int run(Path log, Map<String, String> environment, List<String> args) throws Exception {
        Process process = CliProcess.start(log, environment, args);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the command ends");
        return process.exitValue();
    }
}
