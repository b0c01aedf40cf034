export { decodeQuotedPrintable, header, mimePart } from './mime.ts';
export {
  startTestSmtpServer,
  type ReceivedMail,
  type TestSmtpRefusal,
  type TestSmtpServer,
  type TestSmtpServerOptions,
} from './smtp-server.ts';
