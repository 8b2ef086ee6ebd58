package io.resguardo.web.http;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body once, as raw bytes (signatures are over the exact bytes), never more than the limit: the
 * count is kept while reading, so a body without Content-Length, or one longer than its Content-Length claims,
 * is cut off at the limit and nothing past it is buffered.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * @throws ResguardoException {@code BODY_TOO_LARGE} past {@code maxBytes}
     * @throws IOException when the client goes away mid-body
     */
    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException, ResguardoException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int total = 0;
            int n;
            while ((n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ResguardoException tooLarge(int maxBytes) {
        return new ResguardoException(ErrorCode.BODY_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }
}
