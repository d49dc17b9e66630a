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
  LABELS. The labels of the corpus pages are added to the label table here (kse:label-table, import
  precedence over common_labels.xsl), so every page and script of a build has them.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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

  <!-- the labels of the corpus pages (collection, merged registers and chronology, search across documents);
       'search-help' replaces the common one: the split index matches word beginnings, with typo tolerance -->
  <xsl:variable name="kse:corpus-labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'collection':      map{'kk': 'Құжаттар',                       'en': 'Documents',                   'ru': 'Документы'},
    'documents':       map{'kk': 'құжат',                          'en': 'documents',                   'ru': 'документов'},
    'doc-title':       map{'kk': 'Атауы',                          'en': 'Title',                       'ru': 'Заглавие'},
    'doc-date':        map{'kk': 'Күні',                           'en': 'Date',                        'ru': 'Дата'},
    'doc-author':      map{'kk': 'Авторы',                         'en': 'Author',                      'ru': 'Автор'},
    'doc-size':        map{'kk': 'Сөз саны',                       'en': 'Words',                       'ru': 'Слов'},
    'filter':          map{'kk': 'Сүзгі…',                         'en': 'Filter…',                     'ru': 'Фильтр…'},
    'filter-label':    map{'kk': 'Тізімді сүзу',                   'en': 'Filter the list',             'ru': 'Фильтр списка'},
    'sort-by':         map{'kk': 'Сұрыптау',                       'en': 'Sort by',                     'ru': 'Сортировать'},
    'shown':           map{'kk': 'көрсетілген',                    'en': 'shown',                       'ru': 'показано'},
    'in-documents':    map{'kk': 'құжатта',                        'en': 'documents',                   'ru': 'документах'},
    'mentions':        map{'kk': 'рет аталады',                    'en': 'mentions',                    'ru': 'упоминаний'},
    'all-entries':     map{'kk': 'Барлық атаулар',                 'en': 'All entries',                 'ru': 'Все записи'},
    'years':           map{'kk': 'Жылдар',                         'en': 'Years',                       'ru': 'Годы'},
    'dates-in-year':   map{'kk': 'мерзім',                         'en': 'dates',                       'ru': 'дат'},
    'document':        map{'kk': 'Құжат',                          'en': 'Document',                    'ru': 'Документ'},
    'more-results':    map{'kk': 'Тағы көрсету',                   'en': 'Show more',                   'ru': 'Показать ещё'},
    'search-fuzzy':    map{'kk': 'ұқсас сөз',                      'en': 'similar word',                'ru': 'похожее слово'},
    'search-help': map{'kk': 'Сөздің басын жазыңыз: «жыл» «жылы», «жылдары» сөздерін табады. Бас әріп пен кіші әріп ажыратылмайды; ә, ғ, қ, ң, ө, ұ, ү, һ, і әріптерін а, г, к, н, о, у, у, х, и деп те іздеуге болады; бір әріп қате жазылса да ұқсас сөздер табылады.',
                          'en': 'Type the beginning of a word: “жыл” finds “жылы”, “жылдары”. Case-insensitive; the Kazakh letters ә ғ қ ң ө ұ ү һ і also match а г к н о у у х и; a word with one wrong letter still finds similar words.',
                          'ru': 'Введите начало слова: «жыл» находит «жылы», «жылдары». Регистр не важен; казахские буквы ә ғ қ ң ө ұ ү һ і можно писать как а г к н о у у х и; слово с одной ошибкой находит похожие.'}
  }"/>
  <xsl:variable name="kse:label-table" as="map(*)"
    select="map:merge(($kse:common-labels, $kse:corpus-labels), map{'duplicates': 'use-last'})"/>
</xsl:stylesheet>
