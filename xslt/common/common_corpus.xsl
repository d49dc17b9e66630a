<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_corpus.xsl — a document as a member of a corpus: what a collection page, a book of the corpus or a
  catalogue says of it (title, date, author, size), and the labels of the corpus pages.

  RULES (one place for every target):
    kse:document-title($root)   the main title of the titleStmt, else its first title, else 'TEI'
    kse:document-date($root)    the date of the work, not of the edition: the creation date (profileDesc),
                                else the date a letter was sent (correspDesc), else the date of the first
                                source in sourceDesc (outside its notes), else the publication date
    kse:document-authors($root) the authors of the titleStmt, else those of the first source, else the
                                sender of a letter
  A date is returned as the TEI element, so that each target formats it with kse:format-date() and sorts it
  with kse:date-sort-key() like any other date.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:function name="kse:document-title" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="stmt" select="($root//tei:teiHeader)[1]/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="normalize-space(($stmt/tei:title[@type = 'main'], $stmt/tei:title, 'TEI')[1])"/>
  </xsl:function>

  <xsl:function name="kse:document-date" as="element()?">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="h" select="($root//tei:teiHeader)[1]"/>
    <xsl:sequence select="(
        $h/tei:profileDesc/tei:creation//tei:date,
        $h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
        ($h/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:msDesc | tei:biblFull))[1]//tei:date[not(ancestor::tei:note)],
        $h/tei:fileDesc/tei:publicationStmt/tei:date)
        [@when or @from or @to or @notBefore or @notAfter or normalize-space(.)][1]"/>
  </xsl:function>

  <xsl:function name="kse:document-authors" as="xs:string*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="h" select="($root//tei:teiHeader)[1]"/>
    <xsl:variable name="found" select="(
        $h/tei:fileDesc/tei:titleStmt/tei:author,
        ($h/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull))[1]//tei:author[not(ancestor::tei:note)],
        $h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/(tei:persName | tei:name | tei:orgName))"/>
    <xsl:variable name="first" select="$found[1]"/>
    <!-- only the authors of the first kind found (a titleStmt author hides the source's) -->
    <xsl:sequence select="$found[node-name(.) = node-name($first) and .. is $first/..] ! normalize-space(.)[. != '']"/>
  </xsl:function>

</xsl:stylesheet>
