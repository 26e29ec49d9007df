"""Documents tab: the clauses of a document that read as instructions to a reader or assistant (content trust).

Such clauses were flagged at ingest (``ingest.trust``) and are kept out of answers (``assistant.trust``). Staff see
them here, with the reason, to check the document. Meant to be appended to the document viewer:
``view_document`` in ``ui/tab_docs.py`` returns
``render.document_viewer_html(...) + trust_view.flagged_clauses_html(retriever.chunks_of(doc_id))``
(``chunks_of`` of the raw retriever, which still holds the flagged clauses). Every string is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.models import Chunk
from ingest.trust import TrustClassifier, clause_label, is_flagged
from ui.render import esc


def flagged_clauses_html(chunks: Sequence[Chunk], classifier: TrustClassifier | None = None) -> str:
    """A notice listing the flagged clauses (clause path, reason, verbatim text); empty when there are none."""
    flagged = [c for c in sorted(chunks, key=lambda c: (c.order, c.part)) if is_flagged(c, classifier)]
    if not flagged:
        return ""
    items = []
    for chunk in flagged:
        reason = chunk.trust_reason or (classifier or TrustClassifier.load()).classify(chunk.text).reason or ""
        items.append(
            '<li class="pa-trust-item">'
            f'<span class="pa-clause">{esc(clause_label(chunk))}</span>'
            f'<div class="pa-meta">判断依据：{esc(reason)}</div>'
            f'<div class="pa-text">{esc(chunk.text)}</div>'
            "</li>"
        )
    return (
        '<section class="pa-trust" role="note">'
        f"<h4>⚠️ 以下 {len(flagged)} 条内容像是写给问答程序或读者的指令，不是政策原文，"
        "已排除在回答依据之外，请核对原文件：</h4>"
        f'<ul>{"".join(items)}</ul></section>'
    )
