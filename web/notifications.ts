/** Words of the bell. PURE. */

/** The bell button's accessible name, which is also its visible text on wide screens. */
export const bellLabel = (unread: number): string => (unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`);
