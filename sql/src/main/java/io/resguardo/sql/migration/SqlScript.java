package io.resguardo.sql.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements at semicolons outside quotes and comments. Enough for the plain DDL and
 * DML of our own files; dollar-quoted PostgreSQL bodies are not supported, and none are used.
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char ch = script.charAt(i);
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                current.append('\n');
            } else if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated block comment");
                }
                i = end + 2;
                current.append(' ');
            } else if (ch == '\'' || ch == '"') {
                int end = closingQuote(script, i);
                current.append(script, i, end + 1);
                i = end + 1;
            } else if (ch == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(ch);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The index of the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closingQuote(String script, int start) {
        char quote = script.charAt(start);
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated quoted text");
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
    }
}
