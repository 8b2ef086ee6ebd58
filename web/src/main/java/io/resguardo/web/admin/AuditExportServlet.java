package io.resguardo.web.admin;

import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseException;
import io.resguardo.web.http.Endpoint;
import io.resguardo.web.log.SafeLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/api/audit/export}: the whole audit chain as JSON lines ({@code application/x-ndjson}), one entry
 * per line in sequence order, streamed as it is read (constant memory whatever the length). Verify it offline with
 * {@code java -jar resguardo-core.jar audit-verify export.ndjson}. A failure once lines have been sent cannot become
 * a problem answer: the connection is then cut, so a partial export is never mistaken for a complete one by a client
 * that checks the transfer completed.
 */
final class AuditExportServlet extends Endpoint {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "application/x-ndjson";

    private final transient Database database;
    private final transient SafeLog log;

    AuditExportServlet(Database database, SafeLog log) {
        super("GET");
        this.database = database;
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"resguardo-audit.ndjson\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        // The store retries a transaction that hit a serialization failure from the start: lines already sent
        // are not sent twice.
        long[] lastWritten = {0};
        try {
            database.audit().export(entry -> {
                if (entry.sequence() <= lastWritten[0]) {
                    return;
                }
                try {
                    out.write(AdminJson.auditEntry(entry).toString());
                    out.write('\n');
                    lastWritten[0] = entry.sequence();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DatabaseException e) {
            if (!response.isCommitted()) {
                JsonEndpoint.database(request, response, e, log);
                return;
            }
            log.warning("admin: audit export cut short: " + e.getMessage());
            throw new IOException("audit export cut short");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
