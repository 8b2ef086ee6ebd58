package io.resguardo.web;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body streamed without Content-Length past the limit: refused at the limit, the rest never taken in. */
class BodyStreamIT {
    static final long OFFERED = 64L * 1024 * 1024;

    @Test
    void aChunkedBodyPastTheLimitIs413AndTheConnectionCloses() throws Exception {
        try (Deployment app = new Deployment().start();
             SSLSocket socket = (SSLSocket) app.jetty.certificate().clientContext().getSocketFactory()
                     .createSocket("localhost", app.jetty.httpsUri().getPort())) {
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/pagoefectivo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "PE-Signature: 00\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[16 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < OFFERED) {
                        out.write(header);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByServer) {
                    // Expected: the server stopped reading and closed the connection.
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413"), status);
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }
            assertTrue(rest.toString().contains("BODY_TOO_LARGE"), rest.toString());
            writer.get(30, TimeUnit.SECONDS);
            assertTrue(sent.get() < OFFERED, "the server closed the connection instead of reading "
                    + OFFERED + " bytes (sent " + sent.get() + ")");
        }
    }
}
