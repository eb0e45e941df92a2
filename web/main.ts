/** Entry point: defining the root element starts the app (it reads the URL and renders a page). */
import './app/vr-app.ts';
