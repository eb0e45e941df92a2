/** Events of the questionnaire pieces: components say what was asked, the section or page does it. */
import type { QuestionnaireRequest } from '../server/domain/questionnaire.ts';
import type { NewQuestionnaireRequest, ReviewDecisions } from '../server/domain/questionnaire-api.ts';
import type { RequestAction } from './questionnaires.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** Create a request (sent at once, or kept as a draft). */
export class QuestionnaireSendRequested extends Event {
  static readonly type = 'questionnaire-send-requested';
  readonly body: NewQuestionnaireRequest;
  constructor(body: NewQuestionnaireRequest) {
    super(QuestionnaireSendRequested.type, UP);
    this.body = body;
  }
}

/** Send a draft, give a new link, revoke (already confirmed) or reopen a request. */
export class QuestionnaireActionRequested extends Event {
  static readonly type = 'questionnaire-action-requested';
  readonly request: QuestionnaireRequest;
  readonly action: Exclude<RequestAction, 'review' | 'answers'>;
  constructor(request: QuestionnaireRequest, action: Exclude<RequestAction, 'review' | 'answers'>) {
    super(QuestionnaireActionRequested.type, UP);
    this.request = request;
    this.action = action;
  }
}

/** "Done": the link shown once is forgotten. */
export class QuestionnaireLinkDismissed extends Event {
  static readonly type = 'questionnaire-link-dismissed';
  constructor() {
    super(QuestionnaireLinkDismissed.type, UP);
  }
}

/** The analyst's decisions on a submission, checked (every answer decided, every rejection with a comment). */
export class QuestionnaireDecisionsSubmitted extends Event {
  static readonly type = 'questionnaire-decisions-submitted';
  readonly body: ReviewDecisions;
  constructor(body: ReviewDecisions) {
    super(QuestionnaireDecisionsSubmitted.type, UP);
    this.body = body;
  }
}

declare global {
  interface HTMLElementEventMap {
    'questionnaire-send-requested': QuestionnaireSendRequested;
    'questionnaire-action-requested': QuestionnaireActionRequested;
    'questionnaire-link-dismissed': QuestionnaireLinkDismissed;
    'questionnaire-decisions-submitted': QuestionnaireDecisionsSubmitted;
  }
}
