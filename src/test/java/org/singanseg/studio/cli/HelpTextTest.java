package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every command's --help prints cleanly: a stray % in a description makes picocli warn and print it raw. */
class HelpTextTest {
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            CommandLine cli = StudioCommand.commandLine();
            cli.getUsageMessage();
            cli.getSubcommands().forEach((name, sub) -> {
                CliRun help = CliRun.of(name, "--help");
                assertEquals(0, help.exit(), name);
                assertFalse(help.out().isBlank(), name + " --help printed nothing");
            });
        } finally {
            System.setErr(original);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
    }
}
