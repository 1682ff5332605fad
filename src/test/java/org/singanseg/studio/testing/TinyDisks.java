package org.singanseg.studio.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small RAM disks (tmpfs) mounted on a test's folder: a full disk or a read-only one, for real.
 * Mounting needs root (CAP_SYS_ADMIN); where it is not allowed (many CI runners, every non-root
 * user) the test that asks for one is skipped, saying so.
 */
public final class TinyDisks implements AutoCloseable {
    private final Path mountPoint;

    private TinyDisks(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** A 1 MB disk at dir (made), read-only unless writable. */
    public static TinyDisks mount(Path dir, boolean writable) throws Exception {
        Files.createDirectories(dir);
        String options = "size=1m" + (writable ? "" : ",ro");
        boolean mounted = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        assumeTrue(mounted, "mount -t tmpfs is not allowed here (it needs root): the full and read-only disk cases "
                + "are skipped");
        return new TinyDisks(dir);
    }

    /** Fills the disk, then frees bytesFree of it again (the filler file stays). */
    public void fillLeaving(long bytesFree) throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // As meant: no space left.
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - bytesFree));
        }
    }

    @Override
    public void close() throws Exception {
        run("umount", mountPoint.toString());
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
