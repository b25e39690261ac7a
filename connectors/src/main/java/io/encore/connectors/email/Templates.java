package io.encore.connectors.email;

/** The HTML skeleton of an e-mail. Every argument must already be HTML-escaped. */
final class Templates {

    private Templates() {
    }

    static String page(String language, String title, String greeting, String intro, String cards, String unsubscribeUrl,
            String unsubscribeLabel) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="UTF-8"><title>%s</title></head>
                <body style="font-family:Georgia,serif;max-width:600px;margin:0 auto">
                <p class="greeting">%s</p>
                <p>%s</p>
                %s<p class="footer" style="font-size:small"><a class="unsubscribe" href="%s">%s</a></p>
                </body>
                </html>
                """.formatted(language, title, greeting, intro, cards, unsubscribeUrl, unsubscribeLabel);
    }

    static String card(String concertId, String image, String link, String title, String date, String reason, String readMore) {
        return """
                <div class="concert" data-concert="%s" style="margin:24px 0">
                %s<h2><a class="title" href="%s">%s</a></h2>
                %s%s<p><a class="more" href="%s">%s</a></p>
                </div>
                """.formatted(concertId, image, link, title, date, reason, link, readMore);
    }

    static String image(String link, String imageUrl, String alt) {
        return "<a href=\"" + link + "\"><img src=\"" + imageUrl + "\" alt=\"" + alt + "\" width=\"600\" style=\"max-width:100%\"></a>\n";
    }

    static String paragraph(String cssClass, String content) {
        return "<p class=\"" + cssClass + "\">" + content + "</p>\n";
    }
}
