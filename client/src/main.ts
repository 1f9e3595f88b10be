import { createApp } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { createAppI18n, loadLocale, rememberLocale, storedLocale } from './i18n';
import { createAppRouter } from './router';
import { createApolloClient } from './lib/apollo';
import { preloadLiveMeeting } from './features/live/live-preload';
import './styles.css';

// A phone opening a live view: its query travels while the page's code loads, not after it.
preloadLiveMeeting(location.pathname);

const locale = storedLocale();
const i18n = createAppI18n(locale);
rememberLocale(locale);

void loadLocale(i18n.global, locale).then(() =>
  createApp(App)
    .provide(DefaultApolloClient, createApolloClient())
    .use(i18n)
    .use(createAppRouter())
    .mount('#app'),
);
