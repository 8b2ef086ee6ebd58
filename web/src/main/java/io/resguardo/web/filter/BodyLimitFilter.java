package io.resguardo.web.filter;

import io.resguardo.core.ErrorCode;
import io.resguardo.web.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Caps request bodies (CONTRACT section 6, {@code 413 BODY_TOO_LARGE}). A declared Content-Length over the limit is
 * refused before reading; any other body is counted while it is read, so a chunked body without Content-Length (or
 * one longer than it claimed) fails at the limit with {@link BodyTooLargeException}, and nothing past it is read.
 * Refusals ask the container to close the connection rather than drain the rest.
 *
 * <p>Init-param: {@value #MAX_BYTES} (default {@value #DEFAULT_MAX_BYTES}).
 */
public final class BodyLimitFilter extends HttpFilter {
    public static final String MAX_BYTES = "max-bytes";
    public static final int DEFAULT_MAX_BYTES = 65536;

    private int maxBytes;

    public BodyLimitFilter() {
    }

    public BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (maxBytes > 0) {
            return;
        }
        try {
            maxBytes = param(config, MAX_BYTES).map(Integer::parseInt).orElse(DEFAULT_MAX_BYTES);
            if (maxBytes < 1) {
                throw new IllegalArgumentException("must be positive");
            }
        } catch (RuntimeException e) {
            throw invalid(config, MAX_BYTES, e);
        }
    }

    @Override
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, maxBytes);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Writes the 413 and asks for the connection to be closed, so the unread rest is never taken in. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, int maxBytes)
            throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(request, response, ErrorCode.BODY_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }

    /** The limit was passed while reading. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int maxBytes;

        BodyTooLargeException(int maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final int maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, int maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final int maxBytes;
        private long count;

        CountingStream(ServletInputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit: the overflow is detected without reading further.
            long room = maxBytes + 1L - count;
            int n = in.read(buffer, offset, (int) Math.max(1, Math.min(length, room)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
