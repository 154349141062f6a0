import { z } from 'zod'
import { MAX_ATTACHMENTS } from './attachments.js'

const ZName = z.string().trim().max(200)

export const ZSocialMessageInput = z
  .object({
    network: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,30}$/)
      .describe('The network, lower case: facebook, instagram, x, whatsapp, telegram…'),
    threadId: z.string().trim().min(1).max(200).describe('The conversation on the network'),
    messageId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The message on the network: sending it again is a no-op'),
    author: z
      .object({
        handle: z.string().trim().min(1).max(200),
        name: ZName.optional(),
        email: z.email().optional().describe('When the network shares it: replies can then go by e-mail'),
      })
      .strict(),
    text: z.string().max(20_000).default(''),
    sentAt: z.iso.datetime({ offset: true }),
    attachments: z
      .array(
        z
          .object({
            fileName: z.string().trim().min(1).max(255),
            mediaType: z.string().max(200).optional(),
            contentBase64: z.base64(),
          })
          .strict(),
      )
      .max(MAX_ATTACHMENTS)
      .default([]),
  })
  .strict()
export type SocialMessageInput = z.input<typeof ZSocialMessageInput>

export const ZSocialMessageReceived = z
  .object({
    ticketCode: z.string(),
    outcome: z.enum(['new-ticket', 'reply', 'duplicate', 'new-after-closed']),
  })
  .meta({ id: 'SocialMessageReceived' })
export type SocialMessageReceived = z.infer<typeof ZSocialMessageReceived>

export const ZChatbotHandoffInput = z
  .object({
    sessionId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The assistant’s session: handing it off again answers the same ticket'),
    transcript: z
      .array(
        z
          .object({
            from: z.enum(['user', 'bot']),
            text: z.string().max(5_000),
            at: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .max(300),
    citizen: z
      .union([
        z.object({ fiscalCode: z.string().trim().min(1).max(40) }).strict(),
        z.object({ email: z.email() }).strict(),
      ])
      .optional(),
    categoryCode: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('A level-3 detail, when the assistant knows it'),
    question: z.string().trim().min(1).max(2_000).describe('What the person still needs, in their words'),
  })
  .strict()
export type ChatbotHandoffInput = z.input<typeof ZChatbotHandoffInput>

export const ZChatbotHandedOff = z
  .object({
    ticketCode: z.string(),
    /** False when this session had already been handed off. */
    created: z.boolean(),
  })
  .meta({ id: 'ChatbotHandedOff' })
export type ChatbotHandedOff = z.infer<typeof ZChatbotHandedOff>
