package io.encore.simulator.audience;

/**
 * What a guest allows, per purpose, as the consent platform would record it. The simulator states it once per
 * identifier (account, box office, cookie banner) and respects it in what it simulates.
 */
public record ConsentChoice(boolean profiling, boolean email, boolean ads, boolean web, boolean print) {

    /** The cookie banner asks only about profiling and web personalisation. */
    public ConsentChoice bannerPart() {
        return new ConsentChoice(profiling, false, false, web, false);
    }

    public ConsentChoice withoutEmail() {
        return new ConsentChoice(profiling, false, ads, web, print);
    }
}
