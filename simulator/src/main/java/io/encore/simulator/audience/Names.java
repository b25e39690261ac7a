package io.encore.simulator.audience;

import java.util.List;

/** Fictional guests' names and addresses: common Danish and English names, Danish streets and towns. */
final class Names {

    static final List<String> DANISH_FIRST = List.of(
            "Anna", "Ida", "Emma", "Sofie", "Freja", "Laura", "Clara", "Karen", "Mette", "Hanne", "Lone", "Susanne",
            "Camilla", "Louise", "Maja", "Signe", "Astrid", "Birgitte", "Inge", "Kirsten", "Marianne", "Pia", "Trine",
            "Julie", "Cecilie", "Peter", "Jens", "Lars", "Søren", "Niels", "Henrik", "Morten", "Anders", "Thomas",
            "Mikkel", "Rasmus", "Jakob", "Frederik", "Mads", "Emil", "Oliver", "William", "Christian", "Martin",
            "Kasper", "Poul", "Erik", "Bent", "Ole", "Torben");

    static final List<String> DANISH_LAST = List.of(
            "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
            "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
            "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen",
            "Henriksen", "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen", "Clausen", "Simonsen", "Svendsen",
            "Andreasen", "Iversen", "Jeppesen", "Vestergaard", "Dam");

    static final List<String> ENGLISH_FIRST = List.of(
            "James", "Oliver", "Harry", "George", "Jack", "Charlie", "Thomas", "Daniel", "Samuel", "Henry",
            "Olivia", "Amelia", "Emily", "Isla", "Grace", "Sophie", "Charlotte", "Lucy", "Hannah", "Ella");

    static final List<String> ENGLISH_LAST = List.of(
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke");

    static final List<String> STREETS = List.of(
            "Østerbrogade", "Nørrebrogade", "Vesterbrogade", "Amagerbrogade", "Gammel Kongevej", "Istedgade",
            "Jagtvej", "Frederiksberg Allé", "Strandvejen", "Valby Langgade", "Søndergade", "Vestergade",
            "Kongensgade", "Algade", "Skolegade", "Havnegade", "Bredgade", "Møllevej", "Birkevej", "Kirkevej");

    /** Postal code and town. */
    static final List<String[]> TOWNS = List.of(
            new String[] {"1050", "København K"}, new String[] {"2100", "København Ø"},
            new String[] {"2200", "København N"}, new String[] {"2300", "København S"},
            new String[] {"2450", "København SV"}, new String[] {"2000", "Frederiksberg"},
            new String[] {"2500", "Valby"}, new String[] {"2900", "Hellerup"}, new String[] {"2800", "Kongens Lyngby"},
            new String[] {"2770", "Kastrup"}, new String[] {"4000", "Roskilde"}, new String[] {"3000", "Helsingør"},
            new String[] {"3400", "Hillerød"}, new String[] {"4600", "Køge"}, new String[] {"8000", "Aarhus C"},
            new String[] {"5000", "Odense C"}, new String[] {"9000", "Aalborg"}, new String[] {"7100", "Vejle"});

    static final List<String> MAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

    private Names() {
    }
}
