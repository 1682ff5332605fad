package org.singanseg.studio.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * A class loader that shows everything its parent has, except one ND4J backend: ND4J finds its
 * backends as services, so the service files that list the hidden one are left out.
 */
final class HiddenBackendLoader extends ClassLoader {
    static final String SERVICE_FILE = "META-INF/services/" + Nd4jBackend.class.getName();

    private final String hiddenBackend;

    HiddenBackendLoader(ClassLoader parent, String hiddenBackend) {
        super(parent);
        this.hiddenBackend = hiddenBackend;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!name.equals(SERVICE_FILE)) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        for (URL file : Collections.list(all)) {
            if (!lists(file, hiddenBackend)) {
                kept.add(file);
            }
        }
        return Collections.enumeration(kept);
    }

    private static boolean lists(URL serviceFile, String className) throws IOException {
        try (InputStream in = serviceFile.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(className);
        }
    }
}
