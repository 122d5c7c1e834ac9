<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="44"/>
        <source>Bring in your sources</source>
        <translation>資料を取り込む</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="46"/>
        <source>File › Import… (or drop files and folders on the window) reads Word, PDF, web pages, e-mail, Markdown and plain text. Check the proposed title, kind and date in the table, then press Import. Edit › Paste as New Source takes copied text.</source>
        <translation>［ファイル］›［取り込み…］（またはウィンドウへのファイル・フォルダーのドロップ）で、Word、PDF、ウェブページ、電子メール、Markdown、テキストを読み込みます。表で提案されたタイトル・種類・日付を確認し、［取り込む］を押します。［編集］›［新しい資料として貼り付け］でコピーした文章も取り込めます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="52"/>
        <source>Read and tag</source>
        <translation>読んでタグを付ける</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="54"/>
        <source>Choose a source in the navigator. Each passage shows its topics as chips; click a passage to tag or untag it in the panel on the right. Select any words and press Ctrl+Shift+Q to quote exactly them in a brief.</source>
        <translation>ナビゲーターで資料を選びます。各段落のトピックはチップで表示されます。段落をクリックすると、右のパネルでタグを付けたり外したりできます。語句を選んで Ctrl+Shift+Q を押すと、その部分だけをブリーフに引用できます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="60"/>
        <source>Compare by topic</source>
        <translation>トピックごとに比べる</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="62"/>
        <source>Choose a topic to see the industry position beside the official outcome, source by source. Coverage shows which topics industry raises that no official text addresses; click a cell to read those passages.</source>
        <translation>トピックを選ぶと、業界の立場と公式の成果が資料ごとに並んで表示されます。カバレッジでは、業界が取り上げていて公式文書が扱っていないトピックが分かります。セルをクリックすると該当段落を読めます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="68"/>
        <source>Write the brief</source>
        <translation>ブリーフを書く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="70"/>
        <source>Brief › New Brief…, then Draft Sections… proposes quotes for the topics you choose; accept or dismiss each. Fill in the meeting details, the assessment, lines to take and if asked. Every edit is saved at once and can be undone.</source>
        <translation>［ブリーフ］›［新しいブリーフ…］の後、［セクションを下書き…］で選んだトピックの引用が提案されます。一つずつ採用または却下してください。会議の詳細、評価、発言要領、想定問答を記入します。編集はすべて即座に保存され、元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="76"/>
        <source>Check and send</source>
        <translation>確認して送る</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="78"/>
        <source>Verify Quotes checks every quote against its source. Versions… keeps named snapshots to compare. Export… writes Word, Markdown or PDF; the file name&apos;s ending chooses the format.</source>
        <translation>［引用を照合］ですべての引用を資料と照合します。［版…］で名前付きの版を保存し比較できます。［書き出し…］で Word、Markdown、PDF に書き出します。形式はファイル名の拡張子で決まります。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="93"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="93"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="103"/>
        <source>Move a section up or down in the outline</source>
        <translation>アウトラインでセクションを上下に移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="104"/>
        <source>New point in Lines to take or If asked: type in the list</source>
        <translation>発言要領・想定問答の新しい項目：一覧に直接入力</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="104"/>
        <source>Enter: next point</source>
        <translation>Enter：次の項目</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="105"/>
        <source>Move or remove the current point</source>
        <translation>選択中の項目を移動・削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="105"/>
        <source>Ctrl+↑ / Ctrl+↓ / Delete</source>
        <translation>Ctrl+↑ / Ctrl+↓ / Delete</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="106"/>
        <source>Open the search result</source>
        <translation>検索結果を開く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="106"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="107"/>
        <source>Back from the search field</source>
        <translation>検索欄から戻る</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="107"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="108"/>
        <source>Zoom the coverage map in / out / fit</source>
        <translation>カバレッジ表の拡大／縮小／全体表示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="109"/>
        <source>Move between fields</source>
        <translation>欄の間を移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="109"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="56"/>
        <source>{store} — Briefer</source>
        <translation>{store} — Briefer</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="73"/>
        <source>Opened {store}</source>
        <translation>{store} を開きました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="104"/>
        <source>Recover unsaved typing</source>
        <translation>保存前の入力を復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="118"/>
        <source>New Store</source>
        <translation>新しいストア</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="122"/>
        <source>{path} already exists; open it instead.</source>
        <translation>{path} は既にあります。そちらを開いてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="128"/>
        <source>Open Store</source>
        <translation>ストアを開く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="137"/>
        <source>Open Team Store</source>
        <translation>チームストアを開く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="139"/>
        <source>Database URL, e.g. postgresql+psycopg://officer@server/briefs
The password comes from ~/.pgpass, PGPASSWORD or a prompt; Briefer never saves it.</source>
        <translation>データベース URL（例: postgresql+psycopg://officer@server/briefs）
パスワードは ~/.pgpass、PGPASSWORD または入力欄から取得し、Briefer は保存しません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="151"/>
        <source>Enter a database URL such as {example}.</source>
        <translation>{example} のようなデータベース URL を入力してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/store_actions.py" line="166"/>
        <source>No recent stores</source>
        <translation>最近使ったストアはありません</translation>
    </message>
</context>
<context>
    <name>AskCard</name>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="80"/>
        <source>Confirm “{status}”</source>
        <translation>「{status}」を確定</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="85"/>
        <source>Mark {status}</source>
        <translation>{status}にする</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="92"/>
        <source>Use the computed status</source>
        <translation>算出された状況に戻す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="105"/>
        <source>Under: {lead}</source>
        <translation>前文：{lead}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="124"/>
        <source>No official text found</source>
        <translation>公式文書に該当なし</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="133"/>
        <source>{strength}; evidence: {terms}</source>
        <translation>{strength}。根拠：{terms}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="140"/>
        <source>Unlink</source>
        <translation>リンクを外す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="141"/>
        <source>This text does not answer the ask</source>
        <translation>この文は要望に答えていない</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="149"/>
        <source>Link answer…</source>
        <translation>回答をリンク…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="157"/>
        <source>Computed: {status}</source>
        <translation>算出：{status}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="160"/>
        <source>Decided by the officer: {status}</source>
        <translation>担当者の判断：{status}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="164"/>
        <source>Matched: {terms}</source>
        <translation>一致：{terms}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="165"/>
        <source>Answer: “{text}”</source>
        <translation>回答：「{text}」</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="167"/>
        <source>No official text shares the ask&apos;s content.</source>
        <translation>要望の内容に重なる公式文書はありません。</translation>
    </message>
</context>
<context>
    <name>AsksPage</name>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="183"/>
        <source>Asks ledger</source>
        <translation>要望台帳</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="188"/>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="190"/>
        <source>Unanswered asks only</source>
        <translation>未回答の要望のみ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="197"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="236"/>
        <source>All topics</source>
        <translation>すべてのトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="248"/>
        <source>Matching asks with official texts…</source>
        <translation>要望と公式文書を照合しています…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="278"/>
        <source>update cancelled</source>
        <translation>更新を中止しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="303"/>
        <source>{n} asks</source>
        <translation>要望 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/asks_view.py" line="305"/>
        <source>{shown} of {n} asks</source>
        <translation>要望 {n} 件中 {shown} 件</translation>
    </message>
</context>
<context>
    <name>BackgroundIndex</name>
    <message>
        <location filename="../../src/briefer/ui/background_index.py" line="35"/>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_index.py" line="36"/>
        <source>Stop for now; search ranks the newest matches until the index is updated</source>
        <translation>いったん停止します。索引が更新されるまで、検索は新しい一致から順に並べます</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_index.py" line="75"/>
        <source>Indexing for ranking…</source>
        <translation>順位付けの索引を作成中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_index.py" line="83"/>
        <source>Indexing for ranking: {done} of {total} passages</source>
        <translation>順位付けの索引を作成中: {total} 段落中 {done} 段落</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_index.py" line="88"/>
        <source>The ranking index was not updated: {reason}.</source>
        <translation>順位付けの索引は更新されませんでした: {reason}。</translation>
    </message>
</context>
<context>
    <name>BackgroundRetag</name>
    <message>
        <location filename="../../src/briefer/ui/background_retag.py" line="35"/>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_retag.py" line="36"/>
        <source>Stop for now; the update carries on the next time the store is opened</source>
        <translation>いったん停止します。次にストアを開いたときに更新を続けます</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_retag.py" line="75"/>
        <source>Stopping the topic update…</source>
        <translation>トピックの更新を停止しています…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_retag.py" line="71"/>
        <source>Updating topics for this version&apos;s new aliases: {done} of {total} sources</source>
        <translation>このバージョンの新しい別名でトピックを更新中：{total} 件中 {done} 件のソース</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/background_retag.py" line="79"/>
        <source>The topic update stopped: {reason}. It carries on the next time the store is opened.</source>
        <translation>トピックの更新が停止しました：{reason}。次にストアを開いたときに続行します。</translation>
    </message>
</context>
<context>
    <name>BriefEditor</name>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="72"/>
        <source>Brief editor</source>
        <extracomment>the officer wants to read a quote in its source asks the window for a dialog: &quot;draft&quot;, &quot;versions&quot;, &quot;export&quot;, &quot;new&quot; Verify Quotes is done: the list of QuoteCheck</extracomment>
        <translation>ブリーフ編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="103"/>
        <source>Add Section</source>
        <translation>セクションを追加</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="108"/>
        <source>Draft Sections…</source>
        <translation>セクションを下書き…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="110"/>
        <source>Accept All</source>
        <translation>すべて採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="111"/>
        <source>Accept every suggestion in the brief</source>
        <translation>ブリーフ内のすべての提案を採用します</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="113"/>
        <location filename="../../src/briefer/ui/brief_editor.py" line="487"/>
        <source>Verify Quotes</source>
        <translation>引用を照合</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="115"/>
        <source>Check every quote against its source; flag the ones whose source changed</source>
        <translation>すべての引用を資料と照合し、資料が変わったものに印を付けます</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="118"/>
        <source>Front Page…</source>
        <translation>表紙…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="119"/>
        <source>Purpose, key messages, attendees, marking…</source>
        <translation>目的、要点、出席者、表示区分…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="121"/>
        <source>Versions…</source>
        <translation>版…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="123"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="125"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="127"/>
        <source>Show the brief as it will read, beside the editor</source>
        <translation>仕上がりのブリーフを編集画面の横に表示します</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="167"/>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="169"/>
        <source>Drag or Ctrl+↑/↓ to reorder</source>
        <translation>ドラッグまたは Ctrl+↑/↓ で並べ替え</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="192"/>
        <source>No sections yet. Add one for a topic, or let Briefer draft sections from your tagged sources.</source>
        <translation>まだセクションがありません。トピックのセクションを追加するか、タグ付きの資料から Briefer に下書きさせてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="236"/>
        <source>Briefs</source>
        <translation>ブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="241"/>
        <source>A brief sets industry positions beside official outcomes, topic by topic, with your assessment and lines to take. Choose one in the navigator or start one.</source>
        <translation>ブリーフは、業界の立場と公式の成果をトピックごとに並べ、評価と発言要領を添えるものです。ナビゲーターで選ぶか、新しく作成してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="249"/>
        <source>New Brief…</source>
        <translation>新しいブリーフ…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="476"/>
        <source>Cancel Verifying</source>
        <translation>検証を中止</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="477"/>
        <source>Verifying quotes…</source>
        <translation>引用を検証中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="482"/>
        <source>Verifying quotes: {done} of {total}…</source>
        <translation>引用を検証中: {total} 件中 {done} 件…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="492"/>
        <source>Cancelled: no quote was verified.</source>
        <translation>中止しました: 引用は検証されていません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="509"/>
        <source>{ok} quotes verbatim, {moved} re-anchored, {changed} changed</source>
        <translation>原文どおり {ok} 件、位置修正 {moved} 件、変更あり {changed} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_editor.py" line="588"/>
        <source>Every topic has a section</source>
        <translation>すべてのトピックにセクションがあります</translation>
    </message>
</context>
<context>
    <name>BriefHeader</name>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="40"/>
        <source>Meeting or brief title</source>
        <extracomment>below this width the header is one column</extracomment>
        <translation>会議名またはブリーフのタイトル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="41"/>
        <source>e.g. Brussels, Berlaymont</source>
        <translation>例: 東京、飯倉公館</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="42"/>
        <source>Your name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="43"/>
        <source>Unit or ministry</source>
        <translation>部署または省庁</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="46"/>
        <source>Meeting date</source>
        <translation>会議日</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="51"/>
        <source>Protective marking</source>
        <translation>秘密区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="53"/>
        <location filename="../../src/briefer/ui/brief_header.py" line="56"/>
        <location filename="../../src/briefer/ui/brief_header.py" line="191"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="59"/>
        <source>What the principal should achieve</source>
        <translation>出席者が達成すべきこと</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="62"/>
        <source>Context for the meeting, in a paragraph</source>
        <translation>会議の背景を一段落で</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="73"/>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="74"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="75"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="76"/>
        <source>Prepared by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="77"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="78"/>
        <source>Marking</source>
        <translation>秘密区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="85"/>
        <source>Objectives</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_header.py" line="86"/>
        <source>Scene setter</source>
        <translation>概況</translation>
    </message>
</context>
<context>
    <name>CoverageHeader</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="154"/>
        <source>INDUSTRY</source>
        <translation>業界</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="155"/>
        <source>OFFICIAL</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="156"/>
        <source>OTHER</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>CoverageLegend</name>
    <message>
        <location filename="../../src/briefer/ui/coverage_paint.py" line="158"/>
        <source>Industry passages</source>
        <extracomment>a cell at zoom 1; columns narrower than ROTATE_BELOW get their heads turned upright</extracomment>
        <translation>業界の段落</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_paint.py" line="158"/>
        <source>Official passages</source>
        <translation>公式の段落</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_paint.py" line="159"/>
        <source>Gap: industry raises it, no official text addresses it</source>
        <translation>ギャップ: 業界が取り上げ、公式文書が扱っていない</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_paint.py" line="160"/>
        <source>Official only</source>
        <translation>公式のみ</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="124"/>
        <source>Industry raises this topic; no official text addresses it.</source>
        <translation>業界がこのトピックを取り上げていますが、公式文書は扱っていません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="125"/>
        <source>Official texts address this topic; no industry position on it.</source>
        <translation>公式文書はこのトピックを扱っていますが、業界の立場はありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="126"/>
        <source>Both sides address this topic.</source>
        <translation>双方がこのトピックを取り上げています。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="127"/>
        <source>No tagged passages.</source>
        <translation>タグ付きの段落はありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_model.py" line="96"/>
        <source>{topic} in {source}: {passages}
Click to see them</source>
        <extracomment>for a row header: the topic&apos;s Gap; for a cell: the scale 0..1 of its count a column header starts a new kind group (draws a separator)</extracomment>
        <translation>{source} の {topic}: {passages}
クリックで表示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_model.py" line="135"/>
        <source>{topic}: industry {i}, official {o}
{why}</source>
        <translation>{topic}: 業界 {i}、公式 {o}
{why}</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="61"/>
        <location filename="../../src/briefer/ui/coverage_view.py" line="66"/>
        <source>Coverage</source>
        <extracomment>topic id, source id — show the topic&apos;s passages from that source the map shows fresh counts (after refresh)</extracomment>
        <translation>カバレッジ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="75"/>
        <source>Coverage of topics by source</source>
        <translation>資料別のトピックのカバレッジ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="97"/>
        <source>Zoom out (Ctrl+−)</source>
        <translation>縮小 (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="99"/>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="99"/>
        <source>Fit (Ctrl+0)</source>
        <translation>全体を表示 (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="101"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大 (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="139"/>
        <source>Counting the passages of every source…</source>
        <translation>すべての資料の段落を数えています…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/coverage_view.py" line="169"/>
        <source>{topics} across {industry} and {official}. {gaps}: topics industry raises that no official text addresses. A cell counts a source&apos;s passages on the topic (mainly about it, not passing mentions); click it to read them.</source>
        <translation>{industry}と{official}にわたる {topics}。{gaps}: 業界が取り上げ、公式文書が扱っていないトピックです。セルの数は、その資料でトピックを主題とする段落の数です（言及だけの段落は数えません）。クリックすると段落を読めます。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/briefer/ui/date_field.py" line="84"/>
        <source>No date (e.g. 12 May 2025)</source>
        <extracomment>a one-line message when the typed text is not a date</extracomment>
        <translation>日付なし（例: 2025年5月12日）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/date_field.py" line="86"/>
        <source>Type a date (12 May 2025, 2025-05-12, 2025年5月12日) or pick one</source>
        <translation>日付を入力（2025年5月12日、2025-05-12、12 May 2025）するか選んでください</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/date_field.py" line="87"/>
        <source>Pick a date</source>
        <translation>日付を選ぶ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/date_field.py" line="147"/>
        <source>“{text}” is not a date; try 12 May 2025 or 2025-05-12.</source>
        <translation>「{text}」は日付ではありません。2025年5月12日 や 2025-05-12 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="74"/>
        <source>Draft Sections</source>
        <extracomment>section count drafted, once the draft is on the undo stack</extracomment>
        <translation>セクションを下書き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="86"/>
        <source>Briefer suggests the best tagged passages for each topic, industry and official separately. Suggestions are marked until you accept them.</source>
        <translation>Briefer はトピックごとに、業界と公式それぞれで最適なタグ付き段落を提案します。提案は採用するまで印が付きます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="100"/>
        <source>   (already drafted)</source>
        <translation>   (下書き済み)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="111"/>
        <source>Already drafted in this brief: {topics}. Ticked, they get new suggestions beside the quotes already there; untick those you want left as they are.</source>
        <extracomment>which topics the brief has sections for already, in words</extracomment>
        <translation>このブリーフで下書き済み: {topics}。チェックしたままにすると、既存の引用の横に新しい提案が追加されます。そのままにしたいものはチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="122"/>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="129"/>
        <source> per side</source>
        <translation>件（各側）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="131"/>
        <source>Suggest up to</source>
        <translation>提案の上限</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="136"/>
        <source>Quote &amp;press and analysis in a Context column</source>
        <translation>報道・分析を参考欄に引用(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="140"/>
        <source>Sources of kind Other (news articles, analysis) are never drafted as official outcomes; tick this to quote them beside the evidence as context.</source>
        <translation>種別「その他」の資料（報道記事、分析）は公式の成果として起案されません。チェックすると、参考として証拠の横に引用します。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="154"/>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="191"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="223"/>
        <source>Reading the asks of new sources: {done} of {total}…</source>
        <translation>新しい資料の要望を読み込み中: {total} 件中 {done} 件…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="232"/>
        <source>Cancelling…</source>
        <translation>取り消し中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/draft_dialog.py" line="250"/>
        <source>Cancelled: nothing was drafted.</source>
        <translation>取り消しました。何も起草されていません。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="75"/>
        <location filename="../../src/briefer/ui/export_dialog.py" line="220"/>
        <source>Export Brief</source>
        <translation>ブリーフを書き出す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="92"/>
        <location filename="../../src/briefer/ui/export_dialog.py" line="100"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="99"/>
        <source>Briefer&apos;s own template</source>
        <translation>Briefer 標準のテンプレート</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="107"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="108"/>
        <source>US Letter</source>
        <translation>US レター</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="109"/>
        <source>Landscape</source>
        <translation>横向き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="114"/>
        <source>Table of contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="115"/>
        <source>Include notes</source>
        <translation>メモを含める</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="116"/>
        <source>Include suggestions not yet accepted</source>
        <translation>未採用の提案を含める</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="120"/>
        <source>Mark as DRAFT (allows unreviewed text)</source>
        <translation>「案」として出力（未確認の文を含められます）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="122"/>
        <source>Number paragraphs (3.1, 3.2…)</source>
        <translation>段落に番号を付ける（3.1、3.2…）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="125"/>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="126"/>
        <source>Save as</source>
        <translation>保存先</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="127"/>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="128"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="142"/>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="145"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="148"/>
        <source>Show in Folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="206"/>
        <source>PDF needs LibreOffice, which was not found; saved as {fmt} instead.</source>
        <translation>PDF には LibreOffice が必要ですが見つかりません。代わりに {fmt} で保存しました。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="210"/>
        <source>“{suffix}” is not an export format; the file was named “{name}”.</source>
        <translation>「{suffix}」は書き出し形式ではありません。ファイル名を「{name}」にしました。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="227"/>
        <source>Word Template</source>
        <translation>Word テンプレート</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="227"/>
        <source>Word templates (*.docx *.dotx)</source>
        <translation>Word テンプレート (*.docx *.dotx)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="238"/>
        <source>Choose where to save the brief.</source>
        <translation>ブリーフの保存先を選んでください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="250"/>
        <source>Writing {name}…</source>
        <translation>{name} を書き出し中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="262"/>
        <source>Saved {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="267"/>
        <source>Exported {name}</source>
        <translation>{name} を書き出しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="276"/>
        <source>tick “Mark as DRAFT”</source>
        <translation>「「案」として出力」にチェックを入れて</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="286"/>
        <source>No program to open {suffix} files was found on this computer; the brief is saved at {path}.</source>
        <translation>このコンピューターには {suffix} ファイルを開くプログラムがありません。ブリーフは {path} に保存されています。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/export_dialog.py" line="296"/>
        <source>No file manager was found; the brief is in {folder}.</source>
        <translation>ファイルマネージャーが見つかりません。ブリーフは {folder} にあります。</translation>
    </message>
</context>
<context>
    <name>FrontPageEditor</name>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="62"/>
        <source>Front Page and Marking</source>
        <extracomment>The separator between an attendee&apos;s name and pen picture, one attendee per line. Typed separators accepted between name and pen picture (a dash with spaces round it).</extracomment>
        <translation>表紙と表示区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="70"/>
        <source>Why the meeting takes place</source>
        <translation>会議の目的</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="71"/>
        <source>What the minister is asked to do or agree</source>
        <translation>大臣に求める判断・了承事項</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="72"/>
        <source>One message per line (3–5)</source>
        <translation>1行に1項目（3〜5項目）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="74"/>
        <source>One per line: Name - short pen picture</source>
        <translation>1行に1名：氏名 - 略歴</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="76"/>
        <source>One item per line</source>
        <translation>1行に1項目</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="77"/>
        <source>Handling instructions</source>
        <translation>取扱いの指示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="82"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="95"/>
        <source>e.g. 3 of 12</source>
        <translation>例：12部中3番</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="96"/>
        <source>One recipient per line</source>
        <translation>1行に配布先1件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="103"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="104"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="105"/>
        <source>The ask</source>
        <translation>大臣への依頼事項</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="106"/>
        <source>Key messages</source>
        <translation>要点</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="107"/>
        <source>Attendees</source>
        <translation>出席者</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="108"/>
        <source>Agenda</source>
        <translation>議題</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="109"/>
        <source>Handling</source>
        <translation>取扱い</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="110"/>
        <source>Contact officer</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="111"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="112"/>
        <source>Cleared by</source>
        <translation>決裁者</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="113"/>
        <source>Reference</source>
        <translation>文書番号</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="114"/>
        <source>Reference date</source>
        <translation>文書日付</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="115"/>
        <source>Front page</source>
        <translation>表紙</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="118"/>
        <source>Scheme</source>
        <translation>区分体系</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="119"/>
        <source>Level</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="120"/>
        <source>Caveats</source>
        <translation>取扱制限</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="121"/>
        <source>Copy number</source>
        <translation>部番号</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="122"/>
        <source>Distribution</source>
        <translation>配布先</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="124"/>
        <source>Marking</source>
        <translation>表示区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="216"/>
        <source>Free text marking: no scheme rules are checked.</source>
        <translation>自由記述の表示区分です。区分体系の規則は確認されません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="222"/>
        <source>Printed {where}.</source>
        <translation>{where}に印字されます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="224"/>
        <source>{names} is a distribution marking, not a level.</source>
        <translation>{names}は配布の表示であり、区分ではありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="229"/>
        <source>From {level}: copy number and distribution list required.</source>
        <translation>{level}以上では部番号と配布先一覧が必要です。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="287"/>
        <source>“{v}” is not a date; use YYYY-MM-DD.</source>
        <translation>「{v}」は日付ではありません。YYYY-MM-DD で入力してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/front_page_editor.py" line="296"/>
        <source>Edit front page</source>
        <translation>表紙を編集</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="99"/>
        <location filename="../../src/briefer/ui/import_dialog.py" line="100"/>
        <source>Import sources</source>
        <extracomment>the files have been read and the table is ready for review the import ended (or was cancelled); carries (imported, duplicate, failed)</extracomment>
        <translation>資料の取り込み</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="110"/>
        <source>Files to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="141"/>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="160"/>
        <source>Reading the files…</source>
        <translation>ファイルを読み込み中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="181"/>
        <source>Check what will be recorded for each source; double-click a cell to correct it. The kind decides the column a source&apos;s passages go to on the topic board.</source>
        <translation>資料ごとに記録される内容を確認してください。セルをダブルクリックすると修正できます。種類によって、トピックボードでその段落が入る列が決まります。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="213"/>
        <source>reads {p}% like #{id}, left out</source>
        <translation>#{id} と {p}% 類似のため取り込まず</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="221"/>
        <source>Importing %v of %m…</source>
        <translation>%m 件中 %v 件を取り込み中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="237"/>
        <source>cancelled</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="243"/>
        <source>Imported {i} · already in the store {d} · failed {f}</source>
        <translation>取り込み {i} 件 · 既存 {d} 件 · 失敗 {f} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="248"/>
        <source>near-duplicates left out {n}</source>
        <translation>類似のため取り込まず {n}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="252"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="289"/>
        <source>Plain text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="290"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="291"/>
        <source>Word documents</source>
        <translation>Word 文書</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="292"/>
        <source>PDF documents</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="293"/>
        <source>Web pages</source>
        <translation>ウェブページ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_dialog.py" line="294"/>
        <source>E-mail messages</source>
        <translation>電子メール</translation>
    </message>
</context>
<context>
    <name>ImportTableModel</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="94"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="95"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="96"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="132"/>
        <source>File</source>
        <extracomment>Sources already in the store this file reads like, most alike first, and the officer&apos;s choice for it: &quot;skip&quot;, &quot;version&quot; (of ``near_target``) or &quot;keep&quot; (both).</extracomment>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="133"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="134"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="135"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="136"/>
        <source>Organisations</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="137"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="138"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="215"/>
        <source>Imported</source>
        <translation>取り込み済み</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="216"/>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="217"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="218"/>
        <source>Not imported</source>
        <translation>取り込まず</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="219"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="226"/>
        <source>New version of #{id} “{title}”</source>
        <translation>#{id}「{title}」の新しい版</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="243"/>
        <source>New version of #{id} “{title}” (reads {p}% like it)</source>
        <translation>#{id}「{title}」の新しい版（{p}% 類似）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="246"/>
        <source>Reads {p}% like #{id} “{title}”</source>
        <translation>#{id}「{title}」と {p}% 類似</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="250"/>
        <source>{like}: imported beside it</source>
        <translation>{like}：別の資料として取り込む</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/import_model.py" line="251"/>
        <source>{like}: left out</source>
        <translation>{like}：取り込まない</translation>
    </message>
</context>
<context>
    <name>KindDelegate</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="97"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="98"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="99"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>LinkAnswerDialog</name>
    <message>
        <location filename="../../src/briefer/ui/link_answer_dialog.py" line="28"/>
        <source>Link Answer</source>
        <translation>回答をリンク</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/link_answer_dialog.py" line="33"/>
        <source>The official text that answers the ask:</source>
        <translation>要望に答える公式文書：</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/link_answer_dialog.py" line="46"/>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="163"/>
        <source>Drop files or folders to import them as sources</source>
        <extracomment>what the write pool hands back for a new brief: the applied operation, the brief as the editor shows it and the fresh list of briefs for the navigator The store names are re-exported from ``store_actions`` (tests import them from here). emitted once, when the window is first shown (startup benchmark) Emitted when the navigator&apos;s topic counts have arrived from the worker. a new brief as the worker read it, for the editor to show without reading it again</extracomment>
        <translation>ファイルやフォルダーをドロップすると資料として取り込みます</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="185"/>
        <source>Search passages</source>
        <translation>段落を検索</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="186"/>
        <source>Search passages  (Ctrl+K)</source>
        <translation>段落を検索  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="366"/>
        <source>New Brief</source>
        <translation>新しいブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="367"/>
        <source>Meeting or title</source>
        <translation>会議名またはタイトル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="368"/>
        <source>e.g. EU–Japan Digital Partnership Council</source>
        <translation>例: 日EUデジタルパートナーシップ協議会</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="396"/>
        <source>Creating “{title}”…</source>
        <translation>「{title}」を作成中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="413"/>
        <source>Created “{title}”</source>
        <translation>「{title}」を作成しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="438"/>
        <source>Rename Brief</source>
        <translation>ブリーフ名を変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="438"/>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="453"/>
        <source>Delete Brief</source>
        <translation>ブリーフを削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="454"/>
        <source>Delete “{title}” and its versions? You can undo this.</source>
        <translation>「{title}」とその版を削除しますか？ 元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="461"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="479"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="480"/>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="481"/>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="483"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="520"/>
        <source>Quoted</source>
        <translation>引用しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="588"/>
        <source>Import Sources</source>
        <translation>資料を取り込む</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="607"/>
        <source>The clipboard holds no text to import.</source>
        <translation>クリップボードに取り込める文章がありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="610"/>
        <source>Pasted text</source>
        <translation>貼り付けた文章</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="650"/>
        <source>Briefer</source>
        <translation>Briefer</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_window.py" line="730"/>
        <source>Topics updated with this version&apos;s new aliases</source>
        <translation>このバージョンの新しい別名でトピックを更新しました</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="100"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="101"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="102"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="37"/>
        <source>YYYY-MM-DD</source>
        <extracomment>source id, {field: new value}; one field per edit a message for the officer when a value cannot be read</extracomment>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="39"/>
        <source>separated by ;</source>
        <translation>; で区切る</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="43"/>
        <source>https://… (cited in the brief&apos;s annex)</source>
        <translation>https://…（別添の出典に記載）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="45"/>
        <source>the document&apos;s own reference</source>
        <translation>文書自体の番号</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="47"/>
        <source>e.g. OFFICIAL-SENSITIVE, LIMITE, 機密性2</source>
        <translation>例：OFFICIAL-SENSITIVE、LIMITE、機密性2</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="49"/>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="50"/>
        <source>S&amp;hort title</source>
        <translation>略称(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="51"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="52"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="53"/>
        <source>&amp;Organisations</source>
        <translation>組織(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="54"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="55"/>
        <source>&amp;URL</source>
        <translation>URL(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="56"/>
        <source>&amp;Reference</source>
        <translation>文書番号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="57"/>
        <source>&amp;Marking</source>
        <translation>表示区分(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/metadata_form.py" line="124"/>
        <source>“{v}” is not a date; use YYYY-MM-DD.</source>
        <translation>「{v}」は日付ではありません。YYYY-MM-DD で入力してください。</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../src/briefer/ui/name_dialog.py" line="67"/>
        <source>Meeting date</source>
        <translation>会議日</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/name_dialog.py" line="102"/>
        <source>“{text}” is not a date. Type it as 12 May 2025, 2025-05-12, 12/05/2025 or 2025年5月12日, pick it from the calendar, or leave it empty.</source>
        <extracomment>what is wrong, in words (a red border alone said nothing)</extracomment>
        <translation>「{text}」は日付として読めません。2025年5月12日、2025-05-12、12/05/2025、12 May 2025 のように入力するか、カレンダーから選ぶか、空欄のままにしてください。</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../src/briefer/ui/navigator.py" line="38"/>
        <source>Navigator</source>
        <extracomment>A source kind of more rows than this starts collapsed: an expanded kind&apos;s rows are walked by every layout of the tree (a Python call or three per row: 100-150 ms of the UI thread at 10,000 sources, a second at 100,000). Expanded by the officer, it stays expanded. key (&quot;topic:3&quot;, &quot;source:12&quot;, &quot;section:coverage&quot;...) and the value behind it key and value of the node under the mouse, and where to show a menu (global)</extracomment>
        <translation>ナビゲーター</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="112"/>
        <source>Briefs</source>
        <extracomment>Role carrying a node&apos;s key (&quot;topic:3&quot;, &quot;source:12&quot;, &quot;section:coverage&quot;...). Role carrying the service value behind a node (TopicInfo, SourceInfo or None). A source kind of more sources than this is shown in years (&quot;2024&quot;, ..., &quot;No date&quot;): every layout of a ``QTreeView`` walks the expanded rows through the Python model (a call or three per row), so expanding a kind of 5,000 sources, or opening one of them, cost the UI thread 100-170 ms; a kind now lays out a few dozen years, and a year a few hundred sources. the node&apos;s row under its parent (kept when the tree is built: ``children.index`` walks 10,000 sources); -1 once the node has been taken out of the tree the sources under a kind shown in years (its children are the years); -1: its children the tree replaced last, kept alive: a view may still hold an index into it (the index points at its node), and asking for that index&apos;s parent must not crash the sources are still being listed: the kinds show &quot;…&quot; for their counts</extracomment>
        <translation>ブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="113"/>
        <source>Topics</source>
        <translation>トピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="114"/>
        <source>Sources</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="115"/>
        <source>Coverage</source>
        <translation>カバレッジ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="116"/>
        <source>Asks ledger</source>
        <translation>要望台帳</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="156"/>
        <source>No date</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="344"/>
        <source>{name}: {i} industry and {o} official passages on the topic</source>
        <translation>{name}: このトピックの段落 業界 {i} 件、公式 {o} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="352"/>
        <source>The newest version: the reader opens the earlier ones</source>
        <translation>最新の版です。以前の版は閲覧画面から開けます</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="358"/>
        <source>{s} sections · {q} quotes</source>
        <translation>{s} セクション · {q} 件の引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/navigator_model.py" line="361"/>
        <source>{n} suggestions to review</source>
        <translation>確認待ちの提案 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="103"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="104"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="105"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="128"/>
        <source>Industry positions</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="129"/>
        <source>Official outcomes</source>
        <translation>公式の成果</translation>
    </message>
</context>
<context>
    <name>NearDuplicatePanel</name>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="39"/>
        <source>&amp;Skip it: it is the same document</source>
        <translation>取り込まない（同じ文書）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="41"/>
        <source>Import as a new &amp;version of</source>
        <translation>次の資料の新しい版として取り込む(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="43"/>
        <source>Import &amp;anyway, beside it</source>
        <translation>別の資料としてそのまま取り込む(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="47"/>
        <source>Source this file is a new version of</source>
        <translation>このファイルを新しい版とする資料</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="77"/>
        <source>“{file}” reads {p}% like source #{id} “{title}” already in the store (the same document in another format, or a lightly edited copy).</source>
        <translation>「{file}」は、ストアにある資料 #{id}「{title}」と {p}% 類似しています（別形式の同じ文書、または少し手直しした写し）。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/near_duplicate_panel.py" line="85"/>
        <source>#{id} “{title}” ({p}%)</source>
        <translation>#{id}「{title}」（{p}%）</translation>
    </message>
</context>
<context>
    <name>PassageColumnModel</name>
    <message>
        <location filename="../../src/briefer/ui/topic_board_model.py" line="102"/>
        <source>Opening text</source>
        <extracomment>offset of the next page of passages the view wants</extracomment>
        <translation>冒頭</translation>
    </message>
</context>
<context>
    <name>PassageDelegate</name>
    <message>
        <location filename="../../src/briefer/ui/topic_board_model.py" line="159"/>
        <source>Add to brief…</source>
        <translation>ブリーフに追加…</translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <location filename="../../src/briefer/ui/points_editor.py" line="201"/>
        <source>Add point (or type in the list; Enter goes on to the next point)</source>
        <extracomment>a printable key typed on the list (not in an open editor): start a point with it the whole list after one change</extracomment>
        <translation>項目を追加（一覧に直接入力もできます。Enter で次の項目へ）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/points_editor.py" line="206"/>
        <source>+ Add point</source>
        <translation>＋ 項目を追加</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/points_editor.py" line="209"/>
        <source>Move up (Ctrl+Up)</source>
        <translation>上へ移動 (Ctrl+Up)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/points_editor.py" line="210"/>
        <source>Move down (Ctrl+Down)</source>
        <translation>下へ移動 (Ctrl+Down)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/points_editor.py" line="211"/>
        <source>Remove point (Delete)</source>
        <translation>項目を削除 (Delete)</translation>
    </message>
</context>
<context>
    <name>QuoteCardDelegate</name>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="79"/>
        <source>Accept</source>
        <extracomment>hue of the &quot;Suggested&quot; badge (amber) and of the warning badge (red)</extracomment>
        <translation>採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="80"/>
        <source>Dismiss</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="81"/>
        <source>Go to source</source>
        <translation>資料へ移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="102"/>
        <source>Suggested</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="106"/>
        <source>⚠ Source changed</source>
        <translation>⚠ 資料が変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="109"/>
        <source>Re-anchored</source>
        <translation>位置を修正</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="111"/>
        <source>Side changed</source>
        <translation>側を変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_card.py" line="113"/>
        <source>Trimmed</source>
        <translation>切り詰め</translation>
    </message>
</context>
<context>
    <name>QuoteColumnModel</name>
    <message>
        <location filename="../../src/briefer/ui/quote_model.py" line="89"/>
        <source>Full quote: {text}</source>
        <extracomment>quote id, target section id, target side, position (None: the end)</extracomment>
        <translation>引用全文: {text}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_model.py" line="91"/>
        <source>Ask — {evidence}</source>
        <translation>要望 — {evidence}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_model.py" line="94"/>
        <source>Suggested. </source>
        <translation>提案。</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="58"/>
        <source>Quote in Brief</source>
        <extracomment>brief id, once the quote is in</extracomment>
        <translation>ブリーフに引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="88"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="89"/>
        <source>Brief</source>
        <translation>ブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="90"/>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="91"/>
        <source>Side</source>
        <translation>側</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="95"/>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="111"/>
        <source>New brief…</source>
        <translation>新しいブリーフ…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="120"/>
        <source>New Brief</source>
        <translation>新しいブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="120"/>
        <source>Title:</source>
        <translation>タイトル:</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="144"/>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="149"/>
        <source>New section: {t}</source>
        <translation>新しいセクション: {t}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="166"/>
        <source>Quote Again?</source>
        <translation>もう一度引用しますか？</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="168"/>
        <source>This section already quotes this passage:

“{text}”

Add the quote anyway?</source>
        <translation>このセクションは既にこの段落を引用しています:

「{text}」

それでも引用を追加しますか？</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="174"/>
        <source>Add Anyway</source>
        <translation>追加する</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="231"/>
        <source>Choose a brief and a section for the quote.</source>
        <translation>引用先のブリーフとセクションを選んでください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/quote_dialog.py" line="240"/>
        <source>Quoted in {brief}</source>
        <translation>{brief} に引用しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="161"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="162"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="163"/>
        <source>Context: press and analysis</source>
        <translation>参考：報道・分析</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../src/briefer/ui/reader_view.py" line="118"/>
        <source>Source text</source>
        <translation>資料の本文</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="106"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="107"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="108"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="71"/>
        <source>Search</source>
        <extracomment>results shown; when more match, the summary says how many in all (a true count) emitted when a search&apos;s results are shown (for tests and the status bar)</extracomment>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="84"/>
        <source>A word of the query names a topic: its name in the other language is searched as well. Untick to search only what you typed.</source>
        <translation>検索語がトピック名に当たるため、もう一方の言語での名前も検索しています。入力した語だけを検索するにはチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="92"/>
        <source>Kind of source</source>
        <translation>資料の種類</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="93"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="98"/>
        <source>Topic</source>
        <translation>トピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="100"/>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="101"/>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="109"/>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="122"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="123"/>
        <source>T&amp;opic</source>
        <translation>トピック(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="124"/>
        <source>F&amp;rom</source>
        <translation>開始日(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="125"/>
        <source>T&amp;o</source>
        <translation>終了日(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="156"/>
        <source>Any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="164"/>
        <source>Any topic</source>
        <translation>すべてのトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="231"/>
        <source>Type in the search field to find passages.</source>
        <translation>検索欄に入力すると段落を探せます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="233"/>
        <source>No passages match “{q}”.</source>
        <translation>「{q}」に一致する段落はありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="236"/>
        <source>{total} passages match “{q}”; the first {n} are listed</source>
        <translation>「{q}」に一致するパッセージは{total}件です（最初の{n}件を表示）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="252"/>
        <source>{terms} ({topic})</source>
        <translation>{terms}（{topic}）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_page.py" line="255"/>
        <source>Also search {terms}</source>
        <translation>{terms} も検索</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/search_model.py" line="169"/>
        <source>matched in the heading</source>
        <translation>見出しで一致</translation>
    </message>
</context>
<context>
    <name>SectionOutline</name>
    <message>
        <location filename="../../src/briefer/ui/section_outline.py" line="139"/>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
</context>
<context>
    <name>SectionOutlineModel</name>
    <message>
        <location filename="../../src/briefer/ui/section_outline.py" line="69"/>
        <source>{i} industry · {o} official quotes</source>
        <extracomment>section id, new position</extracomment>
        <translation>業界 {i} · 公式 {o} 件の引用</translation>
    </message>
</context>
<context>
    <name>SectionWidget</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="109"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="110"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="111"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="118"/>
        <source>Aligned</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="119"/>
        <source>Partly addressed</source>
        <translation>一部対応</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="120"/>
        <source>Divergent</source>
        <translation>相違</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="121"/>
        <source>Not addressed</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="122"/>
        <source>Official only</source>
        <translation>公式のみ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="123"/>
        <source>Not assessed</source>
        <translation>未評価</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="157"/>
        <source>Context: press and analysis</source>
        <translation>参考：報道・分析</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="158"/>
        <source>No industry position quoted yet. Drop a card here or quote from a source.</source>
        <translation>業界の立場はまだ引用されていません。ここにカードをドロップするか、資料から引用してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="159"/>
        <source>No official outcome quoted yet. Drop a card here or quote from a source.</source>
        <translation>公式の成果はまだ引用されていません。ここにカードをドロップするか、資料から引用してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="160"/>
        <source>No press or analysis quoted. Drop a card here to quote it as context.</source>
        <translation>報道・分析は引用されていません。参考として引用するにはここにカードをドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="102"/>
        <source>Section heading</source>
        <extracomment>Shown only when the section quotes press or analysis (drafting&apos;s Context column). an operation the officer asked for (made undoable by the editor) the officer wants to read a quote in its source move this section up (-1) or down (+1)</extracomment>
        <translation>セクションの見出し</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="106"/>
        <source>Accept all suggestions</source>
        <translation>すべての提案を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="110"/>
        <source>Move section up (Ctrl+Up in the outline)</source>
        <translation>セクションを上へ（アウトラインで Ctrl+Up）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="111"/>
        <source>Move section down (Ctrl+Down in the outline)</source>
        <translation>セクションを下へ（アウトラインで Ctrl+Down）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="114"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="115"/>
        <source>Remove this section from the brief</source>
        <translation>このセクションをブリーフから削除します</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="152"/>
        <source>{kind} quotes</source>
        <translation>{kind}の引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="171"/>
        <location filename="../../src/briefer/ui/section_widget.py" line="195"/>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="175"/>
        <source>Why: how the official text answers industry…</source>
        <translation>理由: 公式文書が業界にどう応えているか…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="182"/>
        <source>Background the reader may need…</source>
        <translation>読み手に必要な背景…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="186"/>
        <source>Private notes (left out of the export unless asked)</source>
        <translation>非公開のメモ（指定しない限り書き出しに含めません）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="200"/>
        <source>Lines to take</source>
        <translation>発言要領</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="201"/>
        <source>If asked</source>
        <translation>想定問答</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="204"/>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="205"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="310"/>
        <source>Go to source</source>
        <translation>資料へ移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="313"/>
        <source>Accept suggestion</source>
        <translation>提案を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="316"/>
        <source>Dismiss suggestion</source>
        <translation>提案を却下</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="322"/>
        <source>Move to {side}</source>
        <translation>{side}へ移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="327"/>
        <source>Return to its source&apos;s side</source>
        <translation>資料の側に戻す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/section_widget.py" line="331"/>
        <source>Remove quote</source>
        <translation>引用を削除</translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="52"/>
        <source>Source reader</source>
        <extracomment>passages laid out at a time; a longer source is read a page at a time (Earlier / Later). Laying out a page runs on the UI thread: 400 passages took 70-100 ms of it, 150 take 25-35 source id, start, end, topic names of the passage (top topic first) a page asked for has been read and is shown (or could not be read)</extracomment>
        <translation>資料リーダー</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="102"/>
        <source>Furniture</source>
        <extracomment>the page being read on a worker: each request supersedes the one before</extracomment>
        <translation>定型部分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="104"/>
        <source>Show or hide page furniture: dates, letterheads, signatures</source>
        <translation>日付・レターヘッド・署名などの定型部分を表示／非表示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="121"/>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="155"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="165"/>
        <source>Quote in Brief…</source>
        <translation>ブリーフに引用…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="182"/>
        <source>‹ Earlier</source>
        <translation>‹ 前へ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="183"/>
        <source>The previous passages of this source (Alt+PgUp)</source>
        <translation>この資料の前の段落（Alt+PgUp）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="188"/>
        <source>Later ›</source>
        <translation>次へ ›</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="189"/>
        <source>The next passages of this source (Alt+PgDown)</source>
        <translation>この資料の次の段落（Alt+PgDown）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="379"/>
        <source>Select the words to quote first.</source>
        <translation>先に引用する語句を選んでください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="405"/>
        <source>No source selected</source>
        <translation>資料が選ばれていません</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="422"/>
        <source>Passages {first}–{last} of {total}</source>
        <translation>段落 {first}–{last}（全 {total}）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="444"/>
        <source>Version {n} of {total}</source>
        <translation>第{n}版（全{total}版）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="445"/>
        <source>Earlier versions of this source are in this menu.</source>
        <translation>この資料の以前の版はこのメニューから開けます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="447"/>
        <source>Version {n} of {total}: a newer one exists</source>
        <translation>第{n}版（全{total}版）：新しい版があります</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="449"/>
        <source>Counts, coverage and drafting use the newest version; open it from this menu.</source>
        <translation>件数・カバレッジ・下書きには最新の版が使われます。このメニューから開けます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="454"/>
        <source>Version {n}: {title}</source>
        <translation>第{n}版：{title}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="495"/>
        <source>Tagged with {t}</source>
        <translation>{t} のタグを付けました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="495"/>
        <source>Untagged {t}</source>
        <translation>{t} のタグを外しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/source_reader.py" line="505"/>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="112"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="113"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="114"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="62"/>
        <source>Passage topics</source>
        <extracomment>passage id, topic id, tagged reads why a passage has its automatic topics (topic id -&gt; words), off the UI thread; the reader&apos;s pages come without it (scoring a page took 0.3 s)</extracomment>
        <translation>段落のトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="64"/>
        <location filename="../../src/briefer/ui/tag_panel.py" line="110"/>
        <source>Click a passage to see and change its topics.</source>
        <translation>段落をクリックするとトピックを確認・変更できます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="69"/>
        <source>Topics of the selected passage</source>
        <translation>選んだ段落のトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="112"/>
        <source>Passage {n}</source>
        <translation>段落 {n}</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="166"/>
        <source>Tagged by you.</source>
        <translation>あなたが付けたタグです。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="168"/>
        <source>Primary topic</source>
        <translation>主なトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="168"/>
        <source>Secondary topic</source>
        <translation>副次的なトピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="169"/>
        <source>the topic&apos;s terms</source>
        <translation>トピックの用語</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/tag_panel.py" line="170"/>
        <source>{kind} of this passage, found from: {found}</source>
        <translation>この段落の{kind}。根拠：{found}</translation>
    </message>
</context>
<context>
    <name>TopicBoard</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="115"/>
        <source>Industry position</source>
        <translation>業界の立場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="116"/>
        <source>Official outcome</source>
        <translation>公式の成果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="117"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="49"/>
        <source>Topic board</source>
        <extracomment>passages per side read at a time (more as the officer scrolls) source id, passage id — the officer wants to read the passage in context the first page of both sides is shown (after show_topic)</extracomment>
        <translation>トピックボード</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="86"/>
        <source>Show all sources</source>
        <extracomment>when set, only this source&apos;s passages are shown (from the coverage map) what to do when a side has no passages (over the empty list)</extracomment>
        <translation>すべての資料を表示</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="95"/>
        <source>Include passing mentions</source>
        <extracomment>off: the passages *on* the topic, as the navigator and the coverage map count them; on: every passage tagged with it, passing mentions too</extracomment>
        <translation>言及だけの段落も含める</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="99"/>
        <source>Off: the passages mainly about this topic, as the navigator and the coverage map count them. On: also passages that only mention it.</source>
        <translation>オフ: このトピックを主題とする段落（ナビゲーターとカバレッジの数と同じ）。オン: トピックに触れるだけの段落も表示します。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="117"/>
        <location filename="../../src/briefer/ui/topic_board.py" line="316"/>
        <source>Add to brief…</source>
        <translation>ブリーフに追加…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="142"/>
        <source>{kind} passages</source>
        <translation>{kind}の段落</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="186"/>
        <source>No topic selected</source>
        <translation>トピックが選ばれていません</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="190"/>
        <source>Only passages from one source</source>
        <translation>1つの資料の段落のみ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="195"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="249"/>
        <source>Only passages from {source}</source>
        <translation>{source} の段落のみ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="264"/>
        <source>No official text on this topic yet. Import the meeting&apos;s outcome documents (File › Import…), or tag a passage of one in the reader.</source>
        <translation>このトピックの公式文書はまだありません。会議の成果文書を取り込むか（ファイル › 取り込み…）、リーダーで公式文書の段落にタグを付けてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="269"/>
        <source>No industry position on this topic yet. Import the position papers (File › Import…), or tag a passage of one in the reader.</source>
        <translation>このトピックの業界の立場はまだありません。意見書を取り込むか（ファイル › 取り込み…）、リーダーで段落にタグを付けてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="274"/>
        <source>“Include passing mentions” also lists the passages that only mention it.</source>
        <translation>「言及だけの段落も含める」をオンにすると、トピックに触れるだけの段落も表示されます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/topic_board.py" line="313"/>
        <source>Open in reader</source>
        <translation>リーダーで開く</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="146"/>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="167"/>
        <source>Versions</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="157"/>
        <source>Take Version…</source>
        <translation>版を保存…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="159"/>
        <source>Restore This Version</source>
        <translation>この版に戻す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="162"/>
        <source>Make the brief what it was at this version (Undo brings today&apos;s back)</source>
        <translation>ブリーフをこの版の内容に戻します（元に戻すで現在の内容に戻ります）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="176"/>
        <source>Changes since the version</source>
        <translation>この版からの変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="225"/>
        <source>Take Version</source>
        <translation>版を保存</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="226"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="227"/>
        <source>e.g. sent to cabinet</source>
        <translation>例: 官邸へ送付</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="250"/>
        <source>There is already a version named “{name}”: choose another name.</source>
        <translation>「{name}」という名前の版はすでにあります。別の名前を付けてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="259"/>
        <source>No versions yet. Take one before sending the brief on.</source>
        <translation>まだ版はありません。ブリーフを送る前に版を保存してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="268"/>
        <source>Changes since “{name}”</source>
        <translation>「{name}」からの変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/versions_dialog.py" line="277"/>
        <source>Restored “{name}”</source>
        <translation>「{name}」に戻しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="130"/>
        <source>Brief details</source>
        <translation>ブリーフの詳細</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="131"/>
        <source>No changes since this version.</source>
        <translation>この版からの変更はありません。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="132"/>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="133"/>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="134"/>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="135"/>
        <source>Industry</source>
        <translation>業界</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="136"/>
        <source>Official</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="137"/>
        <source>{side} suggestion accepted: “{text}”</source>
        <translation>{side}の提案を採用: 「{text}」</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="138"/>
        <source>{side} reworded: “{words}”</source>
        <translation>{side}の文言を変更: 「{words}」</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="139"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="140"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="141"/>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="142"/>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="143"/>
        <source>Prepared by</source>
        <translation>作成者</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="144"/>
        <source>Marking</source>
        <translation>秘密区分</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="145"/>
        <source>Objectives</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="146"/>
        <source>Scene setter</source>
        <translation>概況</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="147"/>
        <source>Heading</source>
        <translation>見出し</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="148"/>
        <source>Assessment</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="149"/>
        <source>Assessment comment</source>
        <translation>評価コメント</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="150"/>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="151"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="152"/>
        <source>Lines to take</source>
        <translation>発言要領</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="153"/>
        <source>If asked</source>
        <translation>想定問答</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/briefer/ui/welcome_page.py" line="21"/>
        <source>This store has no sources yet</source>
        <translation>このストアにはまだ資料がありません</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/welcome_page.py" line="26"/>
        <source>Import the position papers, outcome documents and press releases you work from: Word, PDF, web pages, e-mail, Markdown or plain text. Drop files or folders on this window, or paste copied text.</source>
        <translation>業務で使うポジションペーパー、成果文書、プレスリリースを取り込んでください。Word、PDF、ウェブページ、電子メール、Markdown、テキストに対応しています。ファイルやフォルダーをこのウィンドウにドロップするか、コピーした文章を貼り付けます。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/welcome_page.py" line="35"/>
        <source>Import Files…</source>
        <translation>ファイルを取り込む…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/welcome_page.py" line="39"/>
        <source>Paste as New Source</source>
        <translation>新しい資料として貼り付け</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../src/briefer/ui/workspace.py" line="83"/>
        <source>Updated with changes made by others</source>
        <extracomment>How often a window on a team store looks for changes made by other officers. a short message for the status bar a problem the officer must see (shown as a dialog) typing not yet saved, on disk at every keystroke (typing_journal) Brief id → the revision on screen: edits based on an older one are refused.</extracomment>
        <translation>他の人の変更を反映しました</translation>
    </message>
</context>
<context>
    <name>asks</name>
    <message>
        <location filename="../../src/briefer/ui/ask_chips.py" line="13"/>
        <source>Addressed</source>
        <extracomment>hue per status: green, amber, red</extracomment>
        <translation>対応済み</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/ask_chips.py" line="14"/>
        <source>Partly</source>
        <translation>一部対応</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/ask_chips.py" line="15"/>
        <source>Unaddressed</source>
        <translation>未対応</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/ask_chips.py" line="22"/>
        <source>Ask: {status}</source>
        <translation>要望：{status}</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../src/briefer/ui/about.py" line="48"/>
        <source>About Briefer</source>
        <translation>Briefer について</translation>
    </message>
</context>
<context>
    <name>brief_commands</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="48"/>
        <source>Accept all suggestions</source>
        <translation>すべての提案を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="49"/>
        <source>Accept suggestion</source>
        <translation>提案を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="50"/>
        <source>Add quote</source>
        <translation>引用を追加</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="51"/>
        <source>Add section</source>
        <translation>セクションを追加</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="52"/>
        <source>Change ask status</source>
        <translation>要望の状況を変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="53"/>
        <source>Change quote side</source>
        <translation>引用の側を変更</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="54"/>
        <source>Delete brief</source>
        <translation>ブリーフを削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="55"/>
        <source>Delete version</source>
        <translation>版を削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="56"/>
        <source>Dismiss suggestion</source>
        <translation>提案を却下</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="57"/>
        <source>Draft sections</source>
        <translation>セクションを下書き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="58"/>
        <source>Duplicate brief</source>
        <translation>ブリーフを複製</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="59"/>
        <source>Edit assessment</source>
        <translation>評価を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="60"/>
        <source>Edit assessment comment</source>
        <translation>評価コメントを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="61"/>
        <source>Edit background</source>
        <translation>背景を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="62"/>
        <source>Edit brief</source>
        <translation>ブリーフを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="63"/>
        <source>Edit brief details</source>
        <translation>ブリーフの詳細を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="64"/>
        <source>Edit heading</source>
        <translation>見出しを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="65"/>
        <source>Edit if asked</source>
        <translation>想定問答を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="66"/>
        <source>Edit lines to take</source>
        <translation>発言要領を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="67"/>
        <source>Edit marking</source>
        <translation>秘密区分を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="68"/>
        <source>Edit meeting date</source>
        <translation>会議日を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="69"/>
        <source>Edit notes</source>
        <translation>メモを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="70"/>
        <source>Edit objectives</source>
        <translation>目的を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="71"/>
        <source>Edit organisation</source>
        <translation>組織を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="72"/>
        <source>Edit prepared by</source>
        <translation>作成者を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="73"/>
        <source>Edit scene setter</source>
        <translation>概況を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="74"/>
        <source>Edit section</source>
        <translation>セクションを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="75"/>
        <source>Edit source</source>
        <translation>資料を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="76"/>
        <source>Edit title</source>
        <translation>タイトルを編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="77"/>
        <source>Edit venue</source>
        <translation>会場を編集</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="78"/>
        <source>Link answer</source>
        <translation>回答をリンク</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="79"/>
        <source>Mark as suggestion</source>
        <translation>提案として印を付ける</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="80"/>
        <source>Move quote</source>
        <translation>引用を移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="81"/>
        <source>Move section</source>
        <translation>セクションを移動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="82"/>
        <source>New brief</source>
        <translation>新しいブリーフ</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="83"/>
        <source>Re-anchor quote</source>
        <translation>引用の位置を合わせ直す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="84"/>
        <source>Remove quote</source>
        <translation>引用を削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="85"/>
        <source>Remove section</source>
        <translation>セクションを削除</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="86"/>
        <source>Restore brief</source>
        <translation>ブリーフを復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="87"/>
        <source>Restore deleted version</source>
        <translation>削除した版を復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="88"/>
        <source>Restore quote</source>
        <translation>引用を復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="89"/>
        <source>Restore section</source>
        <translation>セクションを復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="90"/>
        <source>Restore version</source>
        <translation>版を復元</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="91"/>
        <source>Save version</source>
        <translation>版を保存</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="92"/>
        <source>Trim quote</source>
        <translation>引用を切り詰める</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="93"/>
        <source>Unlink answer</source>
        <translation>回答のリンクを外す</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../src/briefer/ui/brief_commands.py" line="35"/>
        <source>Tag with {t}</source>
        <translation>{t} のタグを付ける</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_commands.py" line="37"/>
        <source>Untag {t}</source>
        <translation>{t} のタグを外す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/brief_commands.py" line="41"/>
        <source>Edit {f}</source>
        <translation>{f} を編集</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../src/briefer/ui/crash.py" line="50"/>
        <source>Briefer</source>
        <translation>Briefer</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/crash.py" line="56"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/crash.py" line="107"/>
        <source>Something went wrong: {error}

Your work is saved in the store. The details were written to {log}.</source>
        <extracomment>after its dialog closes, the same error is not shown again for this many seconds</extracomment>
        <translation>問題が発生しました: {error}

作業内容はストアに保存されています。詳細は {log} に書き出しました。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../src/briefer/ui/main.py" line="63"/>
        <source>Team Store Password</source>
        <translation>チームストアのパスワード</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main.py" line="64"/>
        <source>Password for {store}
(kept in memory only; Briefer never saves it)</source>
        <translation>{store} のパスワード
（メモリー上にのみ保持し、Briefer は保存しません）</translation>
    </message>
</context>
<context>
    <name>upgrade</name>
    <message>
        <location filename="../../src/briefer/ui/upgrade_progress.py" line="71"/>
        <source>Upgrading the Store</source>
        <extracomment>how often the UI thread looks whether the opening has finished (ms)</extracomment>
        <translation>ストアのアップグレード</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/upgrade_progress.py" line="72"/>
        <source>Upgrading {store} for this version of Briefer.
A backup copy is made first. This happens once, and takes a minute or more for a large store.</source>
        <translation>{store} をこのバージョンの Briefer 用にアップグレードしています。
まずバックアップのコピーを作成します。これは一度だけで、大きなストアでは 1 分以上かかります。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="119"/>
        <source>Briefer User Guide</source>
        <translation>Briefer ユーザーガイド</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/help_dialog.py" line="127"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="99"/>
        <source>&amp;New Store…</source>
        <translation>新しいストア(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="100"/>
        <source>&amp;Open Store…</source>
        <translation>ストアを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="101"/>
        <source>Open &amp;Team Store…</source>
        <translation>チームストアを開く(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="103"/>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="105"/>
        <source>Import files as sources (or drop them here)</source>
        <translation>ファイルを資料として取り込みます（ここにドロップも可）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="106"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="107"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="109"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="117"/>
        <source>&amp;Paste as New Source…</source>
        <translation>新しい資料として貼り付け(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="123"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="128"/>
        <source>&amp;About Briefer</source>
        <translation>Briefer について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="130"/>
        <source>Open &amp;Log Folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="133"/>
        <source>Briefer &amp;User Guide</source>
        <translation>Briefer ユーザーガイド(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="139"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="145"/>
        <source>Go to &amp;Navigator</source>
        <translation>ナビゲーターへ移動(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="150"/>
        <source>&amp;Asks Ledger</source>
        <translation>要望台帳(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="154"/>
        <source>&amp;Coverage Map</source>
        <translation>カバレッジ(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="160"/>
        <source>Go to &amp;Page</source>
        <translation>ページへ移動(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="166"/>
        <source>&amp;New Brief…</source>
        <translation>新しいブリーフ(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="172"/>
        <source>D&amp;uplicate Brief</source>
        <translation>ブリーフを複製(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="174"/>
        <source>&amp;Rename Brief…</source>
        <translation>ブリーフ名を変更(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="175"/>
        <source>&amp;Delete Brief…</source>
        <translation>ブリーフを削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="178"/>
        <source>D&amp;raft Sections…</source>
        <translation>セクションを下書き(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="183"/>
        <source>&amp;Accept All Suggestions</source>
        <translation>すべての提案を採用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="185"/>
        <source>&amp;Versions…</source>
        <translation>版(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="187"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="191"/>
        <source>Show &amp;Preview</source>
        <translation>プレビューを表示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="232"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="236"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったストア(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="243"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="250"/>
        <source>&amp;Brief</source>
        <translation>ブリーフ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="265"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="271"/>
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="275"/>
        <source>System Language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="283"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="344"/>
        <source>Now in {language}; text from before the switch changes on a restart.</source>
        <translation>{language}に切り替えました。切り替え前に表示した文字は再起動で切り替わります。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="348"/>
        <source>Restart now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="349"/>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="361"/>
        <source>Briefer could not start again; start it yourself.</source>
        <translation>Brieferを再起動できませんでした。手動で起動してください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/main_menus.py" line="369"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="9"/>
        <source>{n} section</source>
        <translation>{n} セクション</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="10"/>
        <source>{n} sections</source>
        <translation>{n} セクション</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="11"/>
        <source>{n} quote</source>
        <translation>{n} 件の引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="12"/>
        <source>{n} quotes</source>
        <translation>{n} 件の引用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="13"/>
        <source>{n} suggestion to review</source>
        <translation>確認待ちの提案 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="14"/>
        <source>{n} suggestions to review</source>
        <translation>確認待ちの提案 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="15"/>
        <source>{n} passage on the topic</source>
        <translation>このトピックの段落 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="16"/>
        <source>{n} passages on the topic</source>
        <translation>このトピックの段落 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="17"/>
        <source>{n} topic</source>
        <translation>{n} トピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="18"/>
        <source>{n} topics</source>
        <translation>{n} トピック</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="19"/>
        <source>{n} industry source</source>
        <translation>業界の資料 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="20"/>
        <source>{n} industry sources</source>
        <translation>業界の資料 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="21"/>
        <source>{n} official source</source>
        <translation>公式の資料 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="22"/>
        <source>{n} official sources</source>
        <translation>公式の資料 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="23"/>
        <source>{n} gap</source>
        <translation>ギャップ {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="24"/>
        <source>{n} gaps</source>
        <translation>ギャップ {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="25"/>
        <source>Drafting {n} section…</source>
        <translation>{n} セクションを下書き中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="26"/>
        <source>Drafting {n} sections…</source>
        <translation>{n} セクションを下書き中…</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="27"/>
        <source>Drafted {n} section</source>
        <translation>{n} セクションを下書きしました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="28"/>
        <source>Drafted {n} sections</source>
        <translation>{n} セクションを下書きしました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="29"/>
        <source>Draft {n} Section</source>
        <translation>{n} セクションを下書き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="30"/>
        <source>Draft {n} Sections</source>
        <translation>{n} セクションを下書き</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="31"/>
        <source>{n} file ready</source>
        <translation>{n} 件のファイルを準備しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="32"/>
        <source>{n} files ready</source>
        <translation>{n} 件のファイルを準備しました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="33"/>
        <source>{n} file reads like a source already in the store: select it to choose.</source>
        <translation>{n} 件のファイルがストア内の資料と類似しています。選択して扱いを決めてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="34"/>
        <source>{n} files read like sources already in the store: select one to choose.</source>
        <translation>{n} 件のファイルがストア内の資料と類似しています。選択して扱いを決めてください。</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="35"/>
        <source>{n} source imported</source>
        <translation>{n} 件の資料を取り込みました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="36"/>
        <source>{n} sources imported</source>
        <translation>{n} 件の資料を取り込みました</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="37"/>
        <source>{n} result</source>
        <translation>{n} 件の結果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="38"/>
        <source>{n} results</source>
        <translation>{n} 件の結果</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="39"/>
        <source>{n} passage matches</source>
        <translation>{n} 件の段落が一致</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="40"/>
        <source>{n} passages match</source>
        <translation>{n} 件の段落が一致</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="41"/>
        <source>Accept {n} suggestion</source>
        <translation>{n} 件の提案を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="42"/>
        <source>Accept all {n} suggestions</source>
        <translation>{n} 件の提案をすべて採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="43"/>
        <source>Accept {n}</source>
        <translation>{n} 件を採用</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="44"/>
        <source>Recovered unsaved typing in {n} field (Undo takes it back)</source>
        <translation>保存されていなかった入力を {n} 件の欄に復元しました（元に戻すで取り消せます）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="45"/>
        <source>Recovered unsaved typing in {n} fields (Undo takes it back)</source>
        <translation>保存されていなかった入力を {n} 件の欄に復元しました（元に戻すで取り消せます）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="46"/>
        <source>{n} passage, mentions included</source>
        <translation>段落 {n} 件（言及を含む）</translation>
    </message>
    <message>
        <location filename="../../src/briefer/ui/i18n_extra.py" line="47"/>
        <source>{n} passages, mentions included</source>
        <translation>段落 {n} 件（言及を含む）</translation>
    </message>
</context>
</TS>
