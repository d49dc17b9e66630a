<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_corpus_doc.xsl — the pages of one document of a corpus (several documents built as one site).

  LAYOUT of a corpus site (tools/targets/html.py, tools/targets/corpus.py):
    index.html                       the collection: every document (html_corpus.xsl)
    persons.html, places.html, orgs.html, persons/ID.html …   the registers, merged across the documents
    chronology.html, chronology/YEAR.html                    the dated expressions of every document
    search.html, search/…                                    one search over the corpus
    assets/                                                  styles, scripts, fonts: once for the site
    STEM/index.html, STEM/text.html, STEM/apparatus.html     each document's own pages (this stylesheet)
    STEM/tei/STEM.xml                                        its TEI source
  A document's pages are those of html.xsl less what the corpus has merged (registers, chronology, search):
  they link to the corpus's pages through $h:site-root ('../'), a name to its entry's page, and they share
  the site's assets. Nothing on them depends on another document, so a document that has not changed keeps
  its pages from the last build.
  PARAMETERS: doc-folder (the document's folder in the site, 'STEM/'), set by the builder.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">
  <xsl:import href="html.xsl"/>

  <xsl:param name="doc-folder" as="xs:string" select="''"/>

  <xsl:variable name="h:site-root" as="xs:string" select="'../'"/>
  <xsl:variable name="h:home" as="xs:string" select="$doc-folder || 'index.html'"/>
  <xsl:variable name="h:nav" as="map(xs:string, item())*" select="(
    map{'file': 'index.html', 'key': 'collection'},
    map{'file': 'index.html', 'key': 'home', 'doc': true()},
    map{'file': 'text.html', 'key': 'text', 'doc': true()},
    map{'file': 'apparatus.html', 'key': 'apparatus', 'doc': true()}[$h:has-apparatus],
    $h:corpus-nav)"/>
  <!-- the corpus's own pages, in the nav of every page of the site (html_corpus.xsl uses it too) -->
  <xsl:variable name="h:corpus-nav" as="map(xs:string, item())*" select="(
    ('persons', 'places', 'orgs') ! map{'file': . || '.html', 'key': .},
    map{'file': 'chronology.html', 'key': 'chronology'},
    map{'file': 'search.html', 'key': 'search'})"/>

  <!-- a name links to its entry's page in the corpus's register -->
  <xsl:function name="h:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$h:site-root || $kind || '/' || encode-for-uri(string($entry/@xml:id)) || '.html'"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'index.html'"/><xsl:with-param name="key" select="'home'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:index-page"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'text.html'"/><xsl:with-param name="key" select="'text'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:text-page"/></xsl:with-param>
      <xsl:with-param name="scripts" select="'assets/search.js'"/>
    </xsl:call-template>
    <xsl:if test="$h:has-apparatus">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'apparatus.html'"/><xsl:with-param name="key" select="'apparatus'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:apparatus-page"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="h:contribution"/>
    <xsl:value-of select="('index.html', 'text.html', 'apparatus.html'[$h:has-apparatus], 'contribution.json')"
                  separator="&#10;"/>
  </xsl:template>
</xsl:stylesheet>
