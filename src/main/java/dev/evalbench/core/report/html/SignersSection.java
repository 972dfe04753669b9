package dev.evalbench.core.report.html;

import dev.evalbench.core.report.model.SignerName;
import java.util.List;

/**
 * Who signed the report and who approved it, under the verdict: the first signature is the author's, every
 * later one a reviewer's approval. report.html is not a signed file (report.json is), so an approval added to
 * the envelope later is added to the page too ({@link #withApproval}), between two comment marks this class
 * writes; run text is escaped and cannot contain {@code <!--}, so the marks cannot be forged by a run. Pure.
 */
final class SignersSection {
    static final String APPROVALS_MARK = "<!-- evalbench:approvals -->";

    private SignersSection() {}

    /** @param signers the author first, then approvers; empty for an unsigned report */
    static void write(HtmlWriter html, List<SignerName> signers) {
        html.open("section", "id", "signers").element("h2", "Signatures");
        if (signers.isEmpty()) {
            html.element("p", "Not signed when written: report.intoto.json beside this page, if there, says who signed"
                    + " it since (evalbench verify checks it).", "class", "meta");
            html.close("section").newline();
            return;
        }
        html.open("ul", "class", "signers");
        for (int i = 0; i < signers.size(); i++) item(html, i == 0 ? "Signed by" : "Approved by", signers.get(i));
        html.markup(APPROVALS_MARK).close("ul");
        html.element("p", "Each name is the one the signer's key carries, a claim this page does not check: "
                + "`evalbench verify` (or the workbench's Verify report) shows a name as verified only when the signature in "
                + "report.intoto.json verifies against that person's public key among the keys you trust. Compare the "
                + "fingerprint with the one the signer gave you.", "class", "meta");
        html.close("section").newline();
    }

    /** The page with one more approval listed; unchanged when the page has no list of signers to add to. */
    static String withApproval(String page, SignerName approver) {
        int at = page.indexOf(APPROVALS_MARK);
        if (at < 0) return page;
        HtmlWriter item = new HtmlWriter();
        item(item, "Approved by", approver);
        return page.substring(0, at) + item + page.substring(at);
    }

    /** A key without a name is shown by its fingerprint (its key id when the fingerprint is not known). */
    private static void item(HtmlWriter html, String role, SignerName signer) {
        html.open("li").element("span", role, "class", "role").text(" ");
        if (signer.label().isEmpty()) {
            html.element("strong", "a key without a name").text(" (unverified) key ").element("code", signer.keyId());
        } else {
            html.element("strong", signer.label()).text(" (name unverified) key ").element("code", signer.keyId());
        }
        if (!signer.fingerprint().isEmpty()) html.text(", fingerprint ").element("code", signer.fingerprint());
        html.close("li");
    }
}
