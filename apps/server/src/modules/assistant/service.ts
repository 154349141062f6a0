// What other modules and the composition root use of the assistant.
export { askQuestion, rateAnswer, showEntry, startConversation } from './conversation.js'
export { blankOldTranscripts, countAssistantFigures } from './figures.js'
export { handOffConversation } from './hand-off.js'
export { seedAssistantKnowledge } from './seed.js'
