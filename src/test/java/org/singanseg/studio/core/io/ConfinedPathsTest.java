package org.singanseg.studio.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathsTest {
    @TempDir
    Path dir;

    @Test
    void plainNamesStayInTheirFolder() {
        for (String name : List.of("syn_00001.png", "my project, \"v2\"", "...png", ".hidden", "a b")) {
            assertTrue(ConfinedPaths.isPlainName(name), name);
            assertEquals(dir.resolve(name), ConfinedPaths.file(dir, name));
        }
    }

    @Test
    void namesThatLeadElsewhereAreRefusedWithTheName() {
        for (String name : List.of("", ".", "..", "../x", "a/b", "a\\b", "/etc/passwd", "x\u0000.png")) {
            assertFalse(ConfinedPaths.isPlainName(name), name);
            UnsafePathException e = assertThrows(UnsafePathException.class, () -> ConfinedPaths.file(dir, name));
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
        assertFalse(ConfinedPaths.isPlainName(null));
    }

    @Test
    void relativePathsMayHaveFoldersButNeverLeaveTheirRoot() {
        assertEquals(dir.resolve("images/syn_00001.png"), ConfinedPaths.under(dir, "images/syn_00001.png"));
        assertEquals("masks/a.png", ConfinedPaths.relative("masks/a.png"));
        for (String path : List.of("images/../../slipped/x.png", "../x.png", "/abs.png", "images//a.png",
                "images/./a.png", "images\\..\\..\\a.png", "images/", "")) {
            assertFalse(ConfinedPaths.isConfined(path), path);
            UnsafePathException e = assertThrows(UnsafePathException.class, () -> ConfinedPaths.under(dir, path));
            assertTrue(e.getMessage().contains("'" + path + "'"), e.getMessage());
            assertThrows(UnsafePathException.class, () -> ConfinedPaths.relative(path));
        }
    }
}
