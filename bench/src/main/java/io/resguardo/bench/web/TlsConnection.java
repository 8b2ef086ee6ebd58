package io.resguardo.bench.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection over TLS on a plain blocking {@link SSLSocket}: writes a request that was built
 * in advance and reads one response, with as little client work as possible (the load generator shares the machine
 * with the server). Understands Content-Length and chunked bodies; not thread-safe, one owner thread.
 */
final class TlsConnection implements AutoCloseable {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private int lineStart;

    TlsConnection(SSLContext tls, String host, int port) throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {"TLSv1.3"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** The TLS protocol and cipher suite negotiated, for the report. */
    String cipher() {
        return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
    }

    /** Sends one request (complete bytes) and reads its response. */
    Response exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        while (true) {
            int end = lineEnd();
            int start = lineStart;
            if (end == start) {
                break;
            }
            if (startsWithIgnoreCase(start, end, CONTENT_LENGTH)) {
                contentLength = Long.parseLong(new String(buffer, start + CONTENT_LENGTH.length,
                        end - start - CONTENT_LENGTH.length, StandardCharsets.US_ASCII).strip());
            } else if (startsWithIgnoreCase(start, end, CHUNKED)) {
                chunked = true;
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (contentLength >= 0) {
            body = bytes((int) contentLength);
        } else {
            throw new IOException("response without Content-Length or chunked body (status " + status + ")");
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        byte[] body = new byte[0];
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body;
            }
            byte[] chunk = bytes(n);
            body = Arrays.copyOf(body, body.length + n);
            System.arraycopy(chunk, 0, body, body.length - n, n);
            line();
        }
    }

    private boolean startsWithIgnoreCase(int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int b = buffer[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private String line() throws IOException {
        int end = lineEnd();
        return new String(buffer, lineStart, end - lineStart, StandardCharsets.US_ASCII);
    }

    /**
     * Advances past the next CRLF, refilling as needed; returns the end of the line's content. The line's bytes
     * stay in the buffer at [{@link #lineStart}, returned index) until the next read.
     */
    private int lineEnd() throws IOException {
        int scan = position;
        while (true) {
            for (int i = scan; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    lineStart = position;
                    position = i + 2;
                    return i;
                }
            }
            scan = Math.max(position, limit - 1);
            int shift = compact();
            scan -= shift;
            fill();
        }
    }

    private byte[] bytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        int copied = 0;
        while (copied < n) {
            if (position == limit) {
                position = 0;
                limit = 0;
                fill();
            }
            int take = Math.min(n - copied, limit - position);
            System.arraycopy(buffer, position, bytes, copied, take);
            position += take;
            copied += take;
        }
        return bytes;
    }

    /** Moves unread bytes to the front; returns how far they moved. */
    private int compact() {
        int shift = position;
        if (shift > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= shift;
            position = 0;
        }
        return shift;
    }

    private void fill() throws IOException {
        if (limit == buffer.length) {
            throw new IOException("response head longer than " + buffer.length + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        limit += n;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** A response: status and body bytes. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean bodyContains(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= body.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (body[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
