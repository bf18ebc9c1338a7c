"""A reference document's own XML put into schema order: Word checks the order of a part's
elements, and references in the wild do not always keep it (pandoc's ``reference.docx``
has ``w:qFormat`` after ``w:rsid``, a table style's ``w:tcBorders`` after ``w:vAlign``,
``w:doNotTrackMoves`` after ``w:compat``), which makes Office offer to "repair" the file."""

from __future__ import annotations

from lxml import etree

from . import ooxml

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STYLE = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
    "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr "
    "tblStylePr"
)
_TCPR = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
)
_TBLSTYLEPR = "pPr rPr tblPr trPr tcPr"
_SETTINGS = (  # ECMA-376 Part 1, §17.15.1.78 (CT_Settings)
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
    "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit "
    "hyphenationZone doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle "
    "defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
    "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat "
    "docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
    "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator"
)
ORDERS: dict[str, list[str]] = {
    **{name: list(order) for name, order in ooxml._ORDERS.items()},
    "style": _STYLE.split(),
    "tcPr": _TCPR.split(),
    "tblStylePr": _TBLSTYLEPR.split(),
    "settings": _SETTINGS.split(),
}
"""Each WordprocessingML element's children in schema order, by local name."""


def in_schema_order(root: etree._Element) -> None:
    """Sort the children of every ``w:`` element of ``root`` (itself included) whose order
    :data:`ORDERS` knows; children it does not name (extensions of later versions of Word)
    go after those it does, in their own order."""
    for el in root.iter(f"{_W}*"):
        order = ORDERS.get(etree.QName(el).localname)
        if order is None or len(el) < 2:
            continue
        rank = {name: i for i, name in enumerate(order)}
        children = list(el)
        keyed = sorted(
            range(len(children)),
            key=lambda i: (rank.get(_local(children[i]), len(rank)), i),
        )
        if keyed != list(range(len(children))):
            for i in keyed:
                el.append(children[i])  # appending moves each in turn to the end


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""
