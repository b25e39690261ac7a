package io.encore.profile.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Language-aware analysis of catalogue text with Lucene's analyzers: tokenization, lower-casing, the
 * language's stop words and its Snowball stemmer, so "koncerterne" and "koncert", "symphonies" and
 * "symphony" become one term. Unknown languages get the standard analyzer (no stemming, English stop words).
 * Lucene analyzers are thread-safe; one instance serves a whole stream thread.
 */
public final class TextAnalysis implements AutoCloseable {

    private final Map<String, Analyzer> byLanguage = Map.of(
            "da", new DanishAnalyzer(),
            "en", new EnglishAnalyzer(),
            "de", new GermanAnalyzer());
    private final Analyzer fallback = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    /** The stemmed terms of {@code text} in {@code language} (ISO 639-1), in order, stop words removed. */
    public List<String> terms(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Analyzer analyzer = byLanguage.getOrDefault(language == null ? "" : language.toLowerCase(Locale.ROOT), fallback);
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 1) {
                    terms.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene failed on an in-memory string", e);
        }
        return terms;
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        fallback.close();
    }
}
