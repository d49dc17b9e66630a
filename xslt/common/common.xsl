<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl — the shared editorial layer of every output (HTML reading edition, PDF print edition).

  WHAT: the editorial logic that must be the same in every target: which reading of a <choice> shows in
  which view, what counts as an intervention and its number in the apparatus, register lookups, date
  formatting, the critical apparatus of one or many witnesses, the historical commentary and its
  bibliography, the labels of the interface (one JSON file per language) and the parameters. Targets only
  render.
  HOW: this file is only a list of imports (TEI Stylesheets style). A target's entry stylesheet does
    <xsl:import href="../common/common.xsl"/>
  and then imports its own modules, overriding the hook templates below where it must. Everything here
  lives in the namespace  xmlns:kse="urn:kse:xslt"  (functions) and in no-namespace parameters.

  STABLE API (names do not change; new ones may be added):
  Parameters (common_param.xsl): languages, lang, show-residue, source-href, edition-url, witness-siglum, base-witness
  Labels and direction (common_labels.xsl; data in labels/LANG.json and labels/writing-direction.json):
    kse:label($key as xs:string, $lang as xs:string) as xs:string   label in $lang (falls back to the default
                                                                     language, then en, then the key)
    kse:label-format($key, $lang, $args as map(xs:string, xs:string)) as xs:string   with {name} placeholders filled
    kse:labels() as map(*)                                          the whole table: key -> map{lang: label}
    kse:labels-of($lang as xs:string) as map(xs:string, xs:string)  every key in one language, fallbacks filled
    $kse:languages as xs:string*                                    the interface languages, the default first
    kse:dir($lang-tag as xs:string?) as xs:string                   'rtl' | 'ltr' (script subtag, else language)
    kse:lang-of($n as node()) as xs:string                          primary subtag of the nearest xml:lang ('' if none)
    kse:in-language($elements as element()*, $lang) as element()*  of sibling translations (p, note, resp … with
                                                                     xml:lang), those in $lang (else the default
                                                                     language, en, the first); all if one language
  Text-critical logic (common_textcrit.xsl):
    kse:is-textual-intervention($n as node()) as xs:boolean          choice | app | supplied | sic/corr outside choice
    kse:is-intervention($n as node()) as xs:boolean                  choice | sic alone | corr alone | supplied | app |
                                                                     editorial note not attached to one of these
    kse:interventions($root as node()) as element()*                 all interventions of the text, document order
    kse:block-interventions($block as element()) as element()*       the interventions whose block is $block (a key)
    kse:app-number($n as element()) as xs:integer?                   1-based number of an intervention (doc order)
    kse:intervention-kind($n) as xs:string                           'correction' | 'regularization' | 'expansion' |
                                                                     'sic' | 'supplied' | 'variant' | 'note'
    kse:witness($n as element()) as node()*                          what the witness has (sic/orig/abbr/rdg; empty for supplied);
                                                                     for several witnesses use kse:app-entry
    kse:correction($n as element()) as node()*                       what the editor reads (corr/reg/expan/lem/supplied)
    kse:cert($n as element()) as xs:string                           'high' | 'medium' | 'low' | '' (corr/@cert or own @cert)
    kse:resp($n as element()) as xs:string                           @resp of corr or of the element, '#' stripped
    kse:notes-of($n as element()) as element()*                      editorial notes attached to an intervention
                                                                     (notes inside it, or right after it)
    kse:is-attached-note($note as element()) as xs:boolean
    kse:text($nodes as node()*, $view as xs:string) as xs:string     plain text in view 'reading' or 'diplomatic' (notes dropped)
    kse:block-of($n as node()) as element()?                         the numbered block (p, l, ab, item, head, sp…) holding $n
    kse:block-number($b as element()) as xs:string                   @n, else its position among blocks of its kind
    kse:block-id($b as element()) as xs:string                       @xml:id, else a stable generated id
    kse:is-block($e as element()) as xs:boolean                      p, l, ab, head, item, cell, speaker, stage, salute …
    kse:sentence-of($n as element()) as map(xs:string, xs:string)    map{'before','match','after'}: the sentence of the
                                                                     reading text around $n (used by the chronology)
    kse:stats($root as node()) as map(xs:string, xs:integer)         counts of the markup (statistics of the edition)
  Critical apparatus (common_apparatus.xsl; the model is described in that file's header):
    kse:app-entry($e as element()) as map(*)                         an intervention (app, choice, sic, corr,
                                                                     supplied, note) as one entry: n, kind, method,
                                                                     lemma, readings, notes, details, location …
    kse:entry-text($entry as map(*), $lang) as xs:string             "lemma] reading A B; om. C" in plain text
    kse:reading-text($reading as map(*), $lang) as xs:string         "reading A B (cause)" / "om. C" / "lac. C"
    kse:reading-markers($reading as map(*)) as xs:string*            label keys: app-wit-start, app-lacuna-start …
    kse:witness-ids($root) as xs:string*                             witness ids in order (declared, then cited);
                                                                     empty for a single-witness edition
    kse:witnesses($root) as element()*                               the declared tei:witness elements
    kse:siglum($root, $id as xs:string) as xs:string                 siglum of a witness or group (@n, else id)
    kse:sigla($e as element()) as xs:string*                         sigla of an element's @wit
    kse:wit-tokens($att as attribute()?) as xs:string*               '#A #B' -> ('A', 'B')
    kse:expand-witnesses($root, $ids as xs:string*) as xs:string*    groups (listWit/@xml:id) to their members
    kse:absent-witnesses($n as node()) as xs:string*                 witnesses in a lacuna / not begun / ended at $n
    kse:readings-of($app as element(), $wit as xs:string) as element()*   the lem/rdg witness $wit reads (or none)
    kse:witness-text($nodes as node()*, $wit as xs:string) as xs:string   the plain text witness $wit gives
    kse:app-method($e) as xs:string                                  'parallel-segmentation' | 'double-end-point' |
                                                                     'location-referenced' | 'single-witness'
    kse:lemma-in-text($app) as xs:boolean                            does the lem stand in the running text?
    kse:app-location($e) as node()                                   the place of an entry (the @from anchor or itself)
    kse:dep-range($app) as node()*                                   nodes between the anchors of a double-end-point app
  Registers (common_names.xsl):
    key('kse:id', $id, $root)      any element by xml:id;   key('kse:ref', $id, $root)  elements whose @ref points to #$id
    $registers (document-node()?)  the project's shared registers, set by the builders (see common_names.xsl)
    kse:entry($name as element()) as element()?                      register entry (person/place/org…) of a name,
                                                                     in the document ("#x") or in $registers ("file#x")
    kse:shared-entries($root as node()) as element()*               the shared entries the text of $root points to
    kse:register-kind($entry as element()) as xs:string              'persons' | 'places' | 'orgs' | 'other'
    kse:entry-name($entry as element(), $lang as xs:string) as xs:string   normalized name (kk) or English name if lang='en' and present
    kse:entry-variants($entry as element()) as xs:string*            the variant forms
    kse:entry-role($entry as element(), $lang as xs:string) as xs:string   occupation / note / English name
    kse:entry-life($entry as element()) as xs:string                 '1882–1937' or ''
    kse:occurrences($entry as element()) as element()*               the tagged names pointing to it, document order
    kse:occurrence-id($name as element()) as xs:string               stable anchor for a tagged name ('pers.lenin-3')
    kse:entries($root as node(), $kind as xs:string) as element()*   entries of a register, sorted (persons by surname):
                                                                     the document's own and the shared ones it points to
    kse:entry-sort-name($entry as element()) as xs:string           the name an entry is ordered and grouped by
    kse:entry-heading($entry as element()) as xs:string             index heading: persons 'Surname, Forenames'
    kse:ref-id($name as element()) as xs:string?                     the id the first local @ref points to
    kse:sort-key($s as xs:string) as xs:string                       Kazakh alphabetical sort key
  Dates (common_dates.xsl):
    kse:date-sort-key($d as element()) as xs:string                  ISO start value (when|from|notBefore)
    kse:format-iso($iso as xs:string, $lang as xs:string) as xs:string   '1921-03-08' -> '1921 ж. 8 наурыз' / '8 March 1921' / '8 марта 1921 г.'
    kse:format-range($from, $to, $lang) as xs:string                  '1921-03-08','1921-03-16' -> '1921 ж. 8–16 наурыз' / '8–16 March 1921'
    kse:format-date($d as element(), $lang as xs:string) as xs:string    a whole <date>: point, range or vague span
                                                                     (the value only: no '?', no '[…]' — a target marks
                                                                     kse:date-qualifiers() its own way)
    kse:date-qualifiers($d as element()) as xs:string*               label keys: 'approx', 'date-uncertain', 'date-internal'
    kse:date-id($d as element()) as xs:string                        anchor of a date in the text: 'date-p2-1' (block id, position)
    kse:dates($root as node()) as element()*                         the dated expressions of the text, in date order
  Citations (common_cite.xsl):
    kse:cite($root, $format, $lang, $part as map(*)?, $url, $accessed) as xs:string
                                                                     'gost' | 'text' | 'bibtex' | 'ris' | 'csl-json', of the
                                                                     edition or of a paragraph (map{'n': '12'}), the version
                                                                     always in; kse:cite-marker('url'|'date') for targets that
                                                                     fill the URL and the day of access in later
    kse:cite-meta($root) as map(*)                                   title, editors, version, date, key … from the header
  A document in a corpus (common_corpus.xsl):
    kse:document-title($root) as xs:string                           the main title of the titleStmt
    kse:document-date($root) as element()?                           the date of the work (creation, letter, source, publication)
    kse:document-authors($root) as xs:string*                        the authors (titleStmt, else the source's, else the sender)
  Commentary, bibliography, fates (common_commentary.xsl; the model is described in that file's header):
    kse:is-commentary($n) as xs:boolean                              a note of type commentary of the text
    kse:commentary-notes($root) as element()*                        all of them, document order
    kse:commentary-number($note) as xs:integer?                      1-based number in their own series
    kse:commentary-id($note) as xs:string                            its anchor (@xml:id, else 'cmt-N')
    kse:commented-passage($note) as xs:string                        the sentence of the reading text ending at the note
    kse:version-langs($e) as xs:string*                              the languages it is written in (children with xml:lang)
    kse:version-in($e, $l) as element()*                             its version in language $l
    kse:version-lang($langs, $ui) as xs:string                       the version an interface language shows
    kse:version-shown-for($langs, $l) as xs:string*                  the interface languages that show version $l
    kse:lang-code($n) as xs:string                                   primary subtag of the nearest xml:lang
    kse:bibliography($root) as element()*                            the works (listBibl outside the header), sorted
    kse:is-work($e) / kse:cited-works($e) / kse:citing-notes($work)  works, what a ptr cites, the notes citing a work
    kse:short-cite($work) as xs:string                               "Cameron 2018", "Абылхожин и др. 1989", "2018a"
    kse:citation($bibl) as xs:string                                 "Cameron 2018, 158–217" (works and citedRange)
    kse:reference($work) as map(*)*                                  the formatted reference as parts (text, label, date, href)
    kse:bibl-ditto($work) as xs:boolean                              same authors as the entry before it
    kse:bibl-sort-key($work) / kse:bibl-year($work) / kse:bibl-authors($work)
    kse:fates($person) as element()*                                 its events and a death that says more than a date
    kse:fate-key($e) as xs:string                                    label key: fate-arrest, fate-execution …
  Hook templates (override in a target):
    mode kse:reading-text / kse:diplomatic-text  — the plain-text modes behind kse:text()
    mode kse:witness-text                        — the plain-text mode behind kse:witness-text()
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">
  <xsl:import href="common_param.xsl"/>
  <xsl:import href="common_labels.xsl"/>
  <xsl:import href="common_textcrit.xsl"/>
  <xsl:import href="common_apparatus.xsl"/>
  <xsl:import href="common_names.xsl"/>
  <xsl:import href="common_dates.xsl"/>
  <xsl:import href="common_cite.xsl"/>
  <xsl:import href="common_corpus.xsl"/>
  <xsl:import href="common_commentary.xsl"/>
</xsl:stylesheet>
