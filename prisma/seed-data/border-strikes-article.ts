// The story the seed loads: the source article, verbatim, kept in code so that the seed reads no file at run time.
// The article is undated and names no publisher or author.
export const BORDER_STRIKES_ARTICLE = `Tensions between Pakistan and Afghanistan have sharply escalated following cross-border military strikes, prompting the United States to publicly support Pakistan’s “right to defend itself” against Taliban-linked threats. The development marks one of the most serious confrontations between the neighboring countries since the Taliban returned to power in Afghanistan in 2021.
Escalating Cross-Border Conflict
The crisis intensified after Pakistan launched airstrikes inside Afghan territory, targeting what it described as militant safe havens linked to Tehrik-e-Taliban Pakistan (TTP), a group Islamabad blames for a surge in attacks within its borders.
Pakistani officials argue that militants operate from Afghan soil and conduct cross-border assaults against Pakistani security forces and civilians. Afghanistan’s Taliban-led government has denied harboring the group, accusing Pakistan of violating its sovereignty and causing civilian casualties.
Both sides have reported heavy losses, though casualty figures remain disputed and independently unverified.
Washington Signals Support
In response to the growing conflict, the United States stated that it recognizes Pakistan’s right to self-defense against terrorist threats. American officials emphasized concerns over regional stability while urging restraint and dialogue between both countries.
The statement reflects Washington’s continued security alignment with Pakistan despite complex relations following the U.S. withdrawal from Afghanistan.
Analysts say the U.S. position signals diplomatic backing rather than direct military involvement, aimed at preventing further destabilization in South Asia.
President Trump Praises Pakistani Leadership
Amid the escalating tensions, President Donald Trump publicly praised Pakistan’s leadership, describing relations with Pakistani officials as positive and cooperative. He commended Prime Minister Shehbaz Sharif and senior military leadership while indicating that the United States would not intervene militarily in the conflict.
Trump’s remarks highlight a strategy centered on political support and regional diplomacy rather than direct engagement.
Roots of the Dispute
Although Pakistan historically maintained ties with the Afghan Taliban, relations have deteriorated in recent years. Islamabad accuses Kabul’s rulers of failing to curb militant groups targeting Pakistan, while Afghan authorities claim Pakistan is using security concerns to justify military incursions.
The dispute underscores the fragile security dynamics along the porous Afghanistan-Pakistan border, where militant networks, tribal ties, and historical grievances intersect.
Regional and Global Implications
The confrontation has raised international concern due to several factors:
- Pakistan’s status as a nuclear-armed state.
- The risk of prolonged border warfare.
- Potential humanitarian consequences for civilians.
- Broader instability across South and Central Asia.
Global organizations and regional powers have called for immediate de-escalation and renewed diplomatic engagement.
What Comes Next?
Observers warn that continued retaliation could push both countries toward sustained conflict unless negotiations begin soon. While the Taliban has signaled openness to talks, mistrust between Kabul and Islamabad remains high.
For now, international attention is focused on whether diplomatic pressure can prevent further escalation — or whether the region is entering a new phase of instability.`;
