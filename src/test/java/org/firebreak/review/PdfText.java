package org.firebreak.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF as a reader gets it: {@code pdftotext} (poppler-utils, which {@code ./firebreak test} installs)
 * when it is on the PATH, otherwise PDFBox's text stripper.
 */
final class PdfText {

    private PdfText() {
    }

    static boolean pdftotextInstalled() {
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String of(byte[] pdf) throws IOException, InterruptedException {
        return pdftotextInstalled() ? pdftotext(pdf) : pdfbox(pdf);
    }

    static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("review", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pdftotext could not open the PDF: " + errors);
            }
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String pdfbox(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Text with every white space removed: line breaks and page breaks fall where the layout put them. */
    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
