package io.encore.simulator.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The column tables of docs/import.md, read so tests hold the writer to the document. */
final class ImportDoc {

    /** One documented column. */
    record Column(String name, String type, boolean required) {
    }

    private static final Path DOC = Path.of("..", "docs", "import.md");
    private static final Pattern FILE_HEADING = Pattern.compile("^## `([a-z-]+\\.csv)`$");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| ([a-z, ]+) \\| (yes|no) \\|.*$");

    private ImportDoc() {
    }

    /** File name → its columns in order. */
    static Map<String, List<Column>> files() throws IOException {
        Map<String, List<Column>> files = new LinkedHashMap<>();
        List<Column> current = null;
        for (String line : Files.readAllLines(DOC)) {
            Matcher heading = FILE_HEADING.matcher(line);
            if (heading.matches()) {
                current = new ArrayList<>();
                files.put(heading.group(1), current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.matches()) {
                current.add(new Column(row.group(1), row.group(2).trim(), row.group(3).equals("yes")));
            }
        }
        return files;
    }
}
