package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.InvalidInputException;

import com.sun.net.httpserver.HttpServer;

/** Downloads from a local server: kept only when whole and with the right MD5; nothing left otherwise. */
class WeightsDownloadTest {
    @TempDir
    Path dir;
    private final byte[] content = new byte[300_000];
    private HttpServer server;
    private URI url;

    @BeforeEach
    void serve() throws Exception {
        new Random(3).nextBytes(content);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/weights.h5", exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/weights.h5");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String md5() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    @Test
    void keepsAWholeFileWithTheRightChecksumAndReportsProgress() throws Exception {
        Path target = dir.resolve("models/w.h5");
        AtomicLong last = new AtomicLong();
        new WeightsDownload(url, md5()).to(target, (bytes, total) -> {
            assertEquals(content.length, total);
            last.set(bytes);
        }, () -> false);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(content.length, last.get());
        assertEquals(1, Files.list(target.getParent()).count(), "no partial file left");
    }

    @Test
    void aWrongChecksumAMissingFileOrACancelLeaveNothing() throws Exception {
        Path target = dir.resolve("w.h5");
        InvalidInputException damaged = assertThrows(InvalidInputException.class,
                () -> new WeightsDownload(url, "0".repeat(32)).to(target, (b, t) -> { }, () -> false));
        assertTrue(damaged.getMessage().contains("damaged on the way"), damaged.getMessage());

        URI missing = url.resolve("/nothing.h5");
        InvalidInputException notFound = assertThrows(InvalidInputException.class,
                () -> new WeightsDownload(missing, md5()).to(target, (b, t) -> { }, () -> false));
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());

        assertThrows(CancellationException.class,
                () -> new WeightsDownload(url, md5()).to(target, (b, t) -> { }, () -> true));
        assertFalse(Files.exists(target));
        assertEquals(0, Files.list(dir).count(), "no partial file left");
    }
}
