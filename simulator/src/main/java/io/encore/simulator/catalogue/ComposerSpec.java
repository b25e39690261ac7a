package io.encore.simulator.catalogue;

import java.util.List;

/** A composer and the works a programme may take from them. */
public record ComposerSpec(String name, List<String> works) {

    public ComposerSpec {
        works = works == null ? List.of() : List.copyOf(works);
    }

    /** The Danish genitive of the name: "Carl Nielsens", "Brahms'". */
    public String genitiveDa() {
        char last = Character.toLowerCase(name.charAt(name.length() - 1));
        return last == 's' || last == 'x' || last == 'z' ? name + "'" : name + "s";
    }
}
