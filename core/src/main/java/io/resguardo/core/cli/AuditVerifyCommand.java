package io.resguardo.core.cli;

import io.resguardo.core.audit.AuditChain;
import io.resguardo.core.audit.AuditEntry;
import io.resguardo.core.audit.ChainVerification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code audit-verify <file.ndjson>}: recomputes the hash chain of an audit export ({@code GET
 * /admin/api/audit/export}) offline with core's {@link AuditChain}. Exit 0 and {@code intact, N entries} when every
 * entry fits; exit 1 naming the first broken sequence (or the first line that is not an entry) when not; 2 on a usage
 * error or an unreadable file.
 */
final class AuditVerifyCommand implements Command {
    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String summary() {
        return "verify the hash chain of an audit export (JSON lines) offline";
    }

    @Override
    public String help() {
        return """
                usage: audit-verify <file.ndjson>     (- reads standard input)
                Recomputes every entry's SHA-256 and its link to the previous one, as exported by
                GET /admin/api/audit/export. Prints "intact, N entries" and the last entry's hash (exit 0), or the
                first broken sequence (exit 1). An export says nothing about entries after its last one: compare N
                and the last hash with what GET /admin/api/audit/verify reported, or with an earlier export.
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public int positionals() {
        return 1;
    }

    @Override
    public int run(Args args, Console console) throws UsageException {
        if (args.positionals().isEmpty()) {
            throw new UsageException("name the export file (or - for standard input)");
        }
        String file = args.positionals().get(0);
        try (InputStream in = file.equals("-") ? console.in() : Files.newInputStream(Path.of(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            return verify(reader, console);
        } catch (java.nio.charset.CharacterCodingException e) {
            console.out().println("broken: the file is not UTF-8 text");
            return MISMATCH;
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw new UsageException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int verify(BufferedReader reader, Console console) throws IOException {
        AuditChain.Verifier verifier = AuditChain.verifier();
        String lastHash = AuditChain.GENESIS_HASH;
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            AuditEntry entry;
            try {
                entry = AuditExportLine.parse(line);
            } catch (IllegalArgumentException e) {
                console.out().println("broken: line " + lineNumber + " is not an audit entry: " + e.getMessage());
                return MISMATCH;
            }
            verifier.accept(entry);
            lastHash = entry.entryHash();
        }
        ChainVerification result = verifier.finish();
        if (result.intact()) {
            console.out().println("intact, " + result.entries() + " entries");
            console.out().println("last entry hash: " + lastHash);
            return MATCH;
        }
        console.out().println("broken: first broken sequence " + result.firstBrokenSequence().getAsLong() + " ("
                + result.entries() + " entries read)");
        return MISMATCH;
    }
}
