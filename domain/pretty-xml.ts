/** TwiML on several indented lines, for people to read (Twilio's own is often one long line). */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/>\s*</g, '><').split(/(?=<)|(?<=>)/).filter((token) => token.trim());
  let depth = 0;
  let afterText = false;
  const lines: string[] = [];
  for (const token of tokens) {
    const isTag = token.startsWith('<');
    const closing = token.startsWith('</');
    if (closing) depth = Math.max(0, depth - 1);
    // Text, and the closing tag right after it, stay on the line of their opening tag.
    if (lines.length > 0 && (!isTag || (closing && afterText))) lines[lines.length - 1] += token;
    else lines.push(`${'  '.repeat(depth)}${token}`);
    if (isTag && !closing && !token.startsWith('<?') && !token.endsWith('/>')) depth += 1;
    afterText = !isTag;
  }
  return lines.join('\n');
}
