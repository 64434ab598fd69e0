package org.firebreak.notify;

import java.text.Normalizer;

/**
 * A message as one SMS: at most 160 characters of the GSM 7-bit alphabet, which every phone shows and every gateway
 * sends as one part. A page reads {@code INC-7 CRITICAL: <title, cut> Ack: <link>}: the acknowledge link is never cut
 * (a cut link acknowledges nothing), the title gives way. Letters outside the alphabet lose their accents, or become
 * {@code ?}; a character of the alphabet's extension table ({@code {}[]~^|\€}) counts twice, as it does on air.
 */
final class SmsText {

    static final int LIMIT = 160;
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€";
    private static final String CUT = "...";

    private SmsText() {
    }

    static String of(MessageFacts facts) {
        if (facts.kind() == MessageKind.PAGE && facts.incident() != null) {
            String head = gsm(facts.incident() + (facts.severity() == null ? "" : " " + facts.severity()) + ": ");
            String tail = facts.ackUrl() == null ? "" : " Ack: " + gsm(facts.ackUrl());
            String title = gsm(facts.title() == null ? facts.subject() : facts.title());
            int room = LIMIT - septets(head) - septets(tail);
            if (room < CUT.length() + 1) {
                return (head.strip() + tail).strip();
            }
            return head + fit(title, room) + tail;
        }
        return fit(gsm(facts.subject()), LIMIT);
    }

    /** The text in the GSM alphabet, on one line. */
    static String gsm(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replaceAll("\\s+", " ").codePoints().forEach(c -> {
            if (c < 0x10000 && (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0)) {
                out.append((char) c);
                return;
            }
            String plain = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            out.append(plain.length() == 1 && BASIC.indexOf(plain.charAt(0)) >= 0 ? plain : switch (c) {
                case '…' -> CUT;
                case '‘', '’' -> "'";
                case '“', '”' -> "\"";
                case '–', '—' -> "-";
                case 'Ł', 'Đ' -> c == 'Ł' ? "L" : "D";
                case 'ł', 'đ' -> c == 'ł' ? "l" : "d";
                default -> "?";
            });
        });
        return out.toString();
    }

    /** Septets on air: one per character of the basic table, two per character of the extension table. */
    static int septets(String gsm) {
        int n = 0;
        for (int i = 0; i < gsm.length(); i++) {
            n += EXTENSION.indexOf(gsm.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    private static String fit(String text, int room) {
        if (septets(text) <= room) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int width = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + width > room - CUT.length()) {
                break;
            }
            cut.append(text.charAt(i));
            used += width;
        }
        return cut.toString().stripTrailing() + CUT;
    }
}
