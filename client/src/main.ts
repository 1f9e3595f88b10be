import { createApp } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { createAppI18n, rememberLocale } from './i18n';
import { createAppRouter } from './router';
import { createApolloClient } from './lib/apollo';
import './styles.css';

const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value);

createApp(App)
  .provide(DefaultApolloClient, createApolloClient())
  .use(i18n)
  .use(createAppRouter())
  .mount('#app');
