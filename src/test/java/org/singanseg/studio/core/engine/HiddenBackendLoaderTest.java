package org.singanseg.studio.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenBackendLoaderTest {
    @Test
    void leavesOutOnlyTheServiceFilesThatListTheHiddenBackend(@TempDir Path dir) throws IOException {
        Path cpu = jar(dir.resolve("cpu"), "a.CpuBackend");
        Path cuda = jar(dir.resolve("cuda"), "a.CudaBackend");
        Files.writeString(cuda.resolve("other.txt"), "kept");
        try (URLClassLoader both = new URLClassLoader(new URL[]{cpu.toUri().toURL(), cuda.toUri().toURL()}, null)) {
            ClassLoader hiding = new HiddenBackendLoader(both, "a.CudaBackend");

            List<URL> services = Collections.list(hiding.getResources(HiddenBackendLoader.SERVICE_FILE));
            assertEquals(List.of(cpu.resolve(HiddenBackendLoader.SERVICE_FILE).toUri().toURL()), services);
            assertEquals(1, Collections.list(hiding.getResources("other.txt")).size());
        }
    }

    private static Path jar(Path root, String backend) throws IOException {
        Path service = root.resolve(HiddenBackendLoader.SERVICE_FILE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, "# licence header\n" + backend + "\n");
        return root;
    }
}
