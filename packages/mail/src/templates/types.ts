/** What a template makes of its data: the subject and both bodies of one message. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
