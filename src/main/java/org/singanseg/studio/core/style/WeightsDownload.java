package org.singanseg.studio.core.style;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.InvalidInputException;

/**
 * Fetches a weights file over HTTPS into place: into a temporary file beside the target, checked
 * against its published MD5 (the checksum Keras itself uses for the file), then moved; a failed,
 * cancelled or corrupt download leaves nothing behind.
 */
public final class WeightsDownload {
    /** Where Keras downloads the VGG19 no-top weights from, and the MD5 Keras checks them with. */
    public static final URI VGG19_URL = URI.create("https://storage.googleapis.com/tensorflow/keras-applications/vgg19/"
            + VggWeightsFile.FILE_NAME);
    public static final String VGG19_MD5 = "253f8cb515780f3b799900260a226db6";

    /** Bytes received so far, and the whole size (-1 when the server does not say). */
    @FunctionalInterface
    public interface Progress {
        void received(long bytes, long total);
    }

    private final URI source;
    private final String md5;

    public WeightsDownload(URI source, String md5) {
        this.source = source;
        this.md5 = md5;
    }

    public static WeightsDownload vgg19() {
        return new WeightsDownload(VGG19_URL, VGG19_MD5);
    }

    public URI source() {
        return source;
    }

    /**
     * @throws InvalidInputException no connection, an HTTP error or a wrong checksum, in words
     * @throws CancellationException when {@code cancelled} turned true (nothing is kept)
     */
    public void to(Path target, Progress progress, BooleanSupplier cancelled) throws InvalidInputException, IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".download");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(source).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new InvalidInputException("The download from " + source + " failed (HTTP " + response.statusCode()
                        + "). Try again later, or import a copy of the file you have.");
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest digest = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(response.body(), digest); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                long received = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("Download cancelled.");
                    }
                    out.write(buffer, 0, n);
                    received += n;
                    progress.received(received, total);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(md5)) {
                throw new InvalidInputException("The downloaded file is not the expected one (MD5 " + actual + ", expected "
                        + md5 + "): it was damaged on the way. Try again.");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("The download from " + source + " failed (" + e.getMessage()
                    + "). Check the internet connection, or import a copy of the file you have.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Download interrupted.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
