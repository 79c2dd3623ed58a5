/**
 * Four short local stories, each a headline and two paragraphs, that the furniture tests
 * set under banners, slogans, site names and navigation: their words are unlike any
 * furniture, so what is removed is the furniture alone.
 */
export const headlines = ["Council Keeps Policy For Another Year", "Mayor Vows To Fight Ruling In Court", "Sheriff Says Jail Is Full Again", "Judge Orders New Count In Ward Race"];
export const bodies = [
  ["The county commission voted to keep the sanctuary policy in place after a long meeting about immigration and jails.", "Opponents of the policy said they would sue the county over the vote."],
  ["The mayor said the city would appeal the ruling on funding, calling the judge's decision a mistake for the city.", "Lawyers for the city filed notice of the appeal on Tuesday afternoon."],
  ["The sheriff told the commission that the county jail held more inmates than it was built for, for a third month.", "Deputies have moved some inmates to a neighbouring county to make room."],
  ["A circuit judge ordered election officials to count the ballots of the ward race again by hand before Friday.", "The losing candidate had asked for the recount, citing a broken scanner."],
];
