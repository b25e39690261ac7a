package io.encore.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldQuoteOnlyFieldsWithACommaOrAQuoteAndDoubleTheQuotes() {
        assertThat(Csv.record(List.of("plain", "a, b", "say \"hi\"", "", "æøå"))).isEqualTo("plain,\"a, b\",\"say \"\"hi\"\"\",,æøå");
    }

    @Test
    void shouldKeepEachRecordOnOneLineWhenAValueHasLineBreaks() {
        assertThat(Csv.record(List.of("c/o Hansen\r\nBagbygningen\nst.", "x"))).isEqualTo("c/o Hansen Bagbygningen st.,x");
    }

    @Test
    void shouldDefuseSpreadsheetFormulasWhenFreeTextStartsWithAFormulaCharacter() {
        assertThat(List.of("=HYPERLINK(\"x\")", "+45", "-1", "@SUM(A1)", "Anna", "")).extracting(Csv::text)
                .containsExactly("'=HYPERLINK(\"x\")", "'+45", "'-1", "'@SUM(A1)", "Anna", "");
    }

    @Test
    void shouldReadBackTheFirstFieldWhetherOrNotItIsQuoted() {
        assertThat(Csv.firstField("abc123,rest,\"x\"")).isEqualTo("abc123");
        assertThat(Csv.firstField("\"a,\"\"b\"\"\",rest")).isEqualTo("a,\"b\"");
        assertThat(Csv.firstField("only")).isEqualTo("only");
    }
}
