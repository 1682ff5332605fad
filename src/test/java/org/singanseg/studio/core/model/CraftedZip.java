package org.singanseg.studio.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip files written byte by byte, to say what a zip writer never would: an entry of a few MB
 * that inflates to gigabytes, or sizes that lie. The gigabytes are never made: one megabyte of
 * zeros is deflated once and its compressed form repeated.
 */
final class CraftedZip {
    private static final int MB = 1024 * 1024;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
    private int entries;

    /** An entry as it should be: stored, with its true size and checksum. */
    CraftedZip stored(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return entry(name, 0, data, data.length, crc.getValue());
    }

    /** A deflated entry that inflates to the given number of megabytes of zeros, and claims declaredSize. */
    CraftedZip zeros(String name, int megabytes, long declaredSize) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] first = flushedMegabyte(deflater);
        byte[] next = flushedMegabyte(deflater);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(first);
        for (int i = 1; i < megabytes; i++) {
            data.writeBytes(next);
        }
        data.writeBytes(new byte[]{3, 0}); // an empty final block
        return entry(name, 8, data.toByteArray(), declaredSize, 0);
    }

    void write(Path file) throws IOException {
        int directoryStart = body.size();
        byte[] central = directory.toByteArray();
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        int32(end, 0x06054b50);
        int16(end, 0);
        int16(end, 0);
        int16(end, entries);
        int16(end, entries);
        int32(end, central.length);
        int32(end, directoryStart);
        int16(end, 0);
        try (var out = Files.newOutputStream(file)) {
            out.write(body.toByteArray());
            out.write(central);
            out.write(end.toByteArray());
        }
    }

    private CraftedZip entry(String name, int method, byte[] data, long declaredSize, long crc) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int offset = body.size();
        int32(body, 0x04034b50);
        fields(body, method, crc, data.length, declaredSize, nameBytes.length);
        body.writeBytes(nameBytes);
        body.writeBytes(data);

        int32(directory, 0x02014b50);
        int16(directory, 20);
        fields(directory, method, crc, data.length, declaredSize, nameBytes.length);
        int16(directory, 0); // comment
        int16(directory, 0); // disk
        int16(directory, 0); // internal attributes
        int32(directory, 0); // external attributes
        int32(directory, offset);
        directory.writeBytes(nameBytes);
        entries++;
        return this;
    }

    /** Version needed, flags, method, time, date, CRC, sizes, name length and no extra field. */
    private static void fields(ByteArrayOutputStream out, int method, long crc, long compressed, long size, int nameLength) {
        int16(out, 20);
        int16(out, 0);
        int16(out, method);
        int16(out, 0);
        int16(out, 0x21);
        int32(out, crc);
        int32(out, compressed);
        int32(out, size);
        int16(out, nameLength);
        int16(out, 0);
    }

    private static byte[] flushedMegabyte(Deflater deflater) {
        deflater.setInput(new byte[MB]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        int16(out, (int) (value & 0xffff));
        int16(out, (int) ((value >> 16) & 0xffff));
    }
}
