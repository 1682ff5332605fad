package org.singanseg.studio.core.model;

import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes on until a limit, then stops the copy with {@link LimitExceeded}. */
final class LimitedOutput extends OutputStream {
    /** More bytes came than the limit allows. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded() {
            super("more bytes than allowed");
        }
    }

    private final OutputStream out;
    private long left;

    LimitedOutput(OutputStream out, long limit) {
        this.out = out;
        this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > left) {
            throw new LimitExceeded();
        }
        out.write(b, off, len);
        left -= len;
    }
}
