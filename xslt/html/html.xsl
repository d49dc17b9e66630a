<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl — the HTML reading edition: one transform writes the whole static site.

  USAGE. Run on a TEI P5 document with the base output URI set to the site folder
  (tools/build_html.py does this through tools/saxon.py). It writes index.html (title page and
  introduction), text.html (the text with its three views), apparatus.html, witnesses.html (when it has
  witnesses), persons/places/orgs.html (when the document has such registers), chronology.html (when it has
  dated expressions), commentary.html and bibliography.html (when it has a historical commentary, a
  bibliography: html_commentary.xsl), search.html, cite.html and the files of cite/ (html_cite.xsl), the DTS
  API and the exports (dts/, export/: html_data.xsl), text-latn.html (the reading text in another script of
  its language, when a language pack offers one: html_script.xsl), assets/labels.js, and contribution.json
  (what the builder needs besides the pages: the blocks for the search index, the names and dates for a
  corpus's registers and chronology, see html_contrib.xsl; the builder takes it out of the site). The
  principal result is a manifest: one written file per line.
  LAYERS. Imports the common layer (editorial logic, labels, parameters), then the HTML modules; a
  profile for another edition imports this file and overrides what it must (import precedence).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">
  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="html_param.xsl"/>
  <xsl:import href="html_core.xsl"/>
  <xsl:import href="html_textcrit.xsl"/>
  <xsl:import href="html_names.xsl"/>
  <xsl:import href="html_commentary.xsl"/>
  <xsl:import href="html_pages.xsl"/>
  <xsl:import href="html_script.xsl"/>
  <xsl:import href="html_cite.xsl"/>
  <xsl:import href="html_data.xsl"/>
  <xsl:import href="html_contrib.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'index.html'"/><xsl:with-param name="key" select="'home'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:index-page"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'text.html'"/><xsl:with-param name="key" select="'text'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:text-page"/></xsl:with-param>
      <xsl:with-param name="scripts" select="('assets/search.js', 'assets/commentary.js'[$h:has-commentary])"/>
      <xsl:with-param name="head"><xsl:call-template name="h:witness-css"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$h:scripts">
      <xsl:variable name="script" select="."/>
      <xsl:for-each select="$kse:principal-root">
        <xsl:call-template name="h:page">
          <xsl:with-param name="file" select="h:script-file($script)"/><xsl:with-param name="key" select="'text-' || $script"/>
          <xsl:with-param name="nav" select="'text'"/>
          <xsl:with-param name="content"><xsl:call-template name="h:script-page"><xsl:with-param name="script" select="$script"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="$h:has-witnesses">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'witnesses.html'"/><xsl:with-param name="key" select="'witnesses'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:witnesses-page"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$h:has-apparatus">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'apparatus.html'"/><xsl:with-param name="key" select="'apparatus'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:apparatus-page"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$h:registers">
      <xsl:variable name="kind" select="."/>
      <xsl:for-each select="$kse:principal-root">
        <xsl:call-template name="h:page">
          <xsl:with-param name="file" select="$kind || '.html'"/><xsl:with-param name="key" select="$kind"/>
          <xsl:with-param name="content"><xsl:call-template name="h:register-page"><xsl:with-param name="kind" select="$kind"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="$h:has-dates">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'chronology.html'"/><xsl:with-param name="key" select="'chronology'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:chronology-page"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'search.html'"/><xsl:with-param name="key" select="'search'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:search-page"/></xsl:with-param>
      <xsl:with-param name="scripts" select="'assets/search.js'"/>
    </xsl:call-template>
    <xsl:call-template name="h:page">
      <xsl:with-param name="file" select="'cite.html'"/><xsl:with-param name="key" select="'cite'"/>
      <xsl:with-param name="content"><xsl:call-template name="h:cite-page"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="h:cite-files"/>
    <xsl:call-template name="h:data-files"/>
    <xsl:call-template name="h:commentary-pages"/>
    <xsl:call-template name="h:labels-js"/>
    <xsl:call-template name="h:contribution"/>
    <xsl:value-of select="('index.html', 'text.html', $h:scripts ! h:script-file(.), 'apparatus.html'[$h:has-apparatus], 'witnesses.html'[$h:has-witnesses], $h:registers ! (. || '.html'),
                           'chronology.html'[$h:has-dates], 'search.html', 'cite.html', $h:cite-files, $h:data-files, 'assets/labels.js', 'contribution.json')"
                  separator="&#10;"/>
  </xsl:template>
</xsl:stylesheet>
