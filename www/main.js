// Entry point of index.html: mounts the app on the document and loads the sample articles.
import { createApp } from './app.js';

createApp(document).start();
