package io.resguardo.core.cli;

import io.resguardo.core.audit.AuditChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code audit-verify} on exports written the way the admin API writes them (JSON-P's flat objects). */
class AuditVerifyCommandTest {
    @TempDir
    Path dir;

    /** Entry lines with real hashes; details hold JSON text, escaped as JSON-P escapes it. */
    static List<String> chain(int n) {
        List<String> lines = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            Instant at = Instant.parse("2026-11-26T15:00:00Z").plusNanos(i * 1_500_000_000L + 123_000L);
            String detail = "{\"cip\":\"" + (1000 + i) + "\",\"reason\":\"pagó\\nok\"}";
            String hash = AuditChain.hash(i, at, "pagoefectivo", "order.paid", "T-" + i, detail, previous);
            lines.add(line(i, at.toString(), "order.paid", detail, previous, hash));
            previous = hash;
        }
        return lines;
    }

    static String line(long sequence, String at, String action, String detail, String previous, String hash) {
        return "{\"sequence\":" + sequence + ",\"recordedAt\":\"" + at + "\",\"actor\":\"pagoefectivo\",\"action\":\""
                + action + "\",\"subject\":\"T-" + sequence + "\",\"detail\":\"" + jsonEscape(detail)
                + "\",\"previousHash\":\"" + previous + "\",\"entryHash\":\"" + hash + "\"}";
    }

    static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    Path write(List<String> lines) throws IOException {
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    CliRun verify(List<String> lines) throws IOException {
        return CliRun.run(Map.of(), "audit-verify", write(lines).toString());
    }

    @Test
    void anUntouchedExportIsIntact() throws IOException {
        List<String> lines = chain(3);
        CliRun run = verify(lines);
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().startsWith("intact, 3 entries\n"), run.out());
        assertTrue(run.out().contains("last entry hash: " + lines.get(2).substring(lines.get(2).length() - 66,
                lines.get(2).length() - 2)), run.out());
    }

    @Test
    void anEmptyExportIsIntactWithZeroEntries() throws IOException {
        Path file = dir.resolve("empty.ndjson");
        Files.writeString(file, "");
        CliRun run = CliRun.run(Map.of(), "audit-verify", file.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().startsWith("intact, 0 entries"));
    }

    @Test
    void anAlteredDetailBreaksTheChainAtThatEntry() throws IOException {
        List<String> lines = chain(4);
        lines.set(1, lines.get(1).replace("1002", "1999"));
        CliRun run = verify(lines);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("first broken sequence 2"), run.out());
    }

    @Test
    void aRemovedEntryBreaksTheChainWhereItWas() throws IOException {
        List<String> lines = chain(4);
        lines.remove(2);
        CliRun run = verify(lines);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("first broken sequence 3"), run.out());
    }

    @Test
    void escapedCharactersAreDecodedBeforeHashing() throws IOException {
        String detail = "{\"reason\":\"é\"}";
        Instant at = Instant.parse("2026-11-26T15:00:00.000001Z");
        String hash = AuditChain.hash(1, at, "pagoefectivo", "order.paid", "T-1", detail, AuditChain.GENESIS_HASH);
        String escaped = line(1, at.toString(), "order.paid", detail, AuditChain.GENESIS_HASH, hash)
                .replace("é", "\\u00e9").replace("order.paid", "order\\u002epaid");
        CliRun run = verify(List.of(escaped));
        assertEquals(0, run.exit(), run.all());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sequence\":1}",
            "[]",
            "{\"sequence\":1,\"sequence\":1}",
            "{\"sequence\":\"1\",\"recordedAt\":\"x\",\"actor\":\"a\",\"action\":\"b\",\"subject\":\"\",\"detail\":\"{}\","
                    + "\"previousHash\":\"0\",\"entryHash\":\"0\"}",
            "{\"sequence\":1.0,\"recordedAt\":\"x\"}",
            "{\"sequence\":01,\"recordedAt\":\"x\"}",
            "{\"sequence\":1,\"nested\":{}}",
            "{\"sequence\":1} trailing",
            ""})
    void aLineThatIsNotAnEntryIsReportedAsBroken(String bad) throws IOException {
        List<String> lines = chain(2);
        lines.add(1, bad);
        CliRun run = verify(lines);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("line 2 is not an audit entry"), run.out());
    }

    @Test
    void anUnknownMemberIsRefused() throws IOException {
        List<String> lines = chain(1);
        lines.set(0, lines.get(0).replace("{\"sequence\"", "{\"extra\":\"x\",\"sequence\""));
        assertEquals(1, verify(lines).exit());
    }

    @Test
    void standardInputIsReadForADash() {
        CliRun run = CliRun.run(Map.of(), String.join("\n", chain(2)) + "\n", Instant.now(), "audit-verify", "-");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().startsWith("intact, 2 entries"));
    }

    @Test
    void aMissingFileOrArgumentIsAUsageError() {
        assertEquals(2, CliRun.run(Map.of(), "audit-verify", dir.resolve("absent.ndjson").toString()).exit());
        assertEquals(2, CliRun.run(Map.of(), "audit-verify").exit());
        assertEquals(2, CliRun.run(Map.of(), "audit-verify", "a", "b").exit());
    }
}
