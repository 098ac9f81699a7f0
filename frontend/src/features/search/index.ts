// What other features may use from search: the message search panel (the sidebar opens it).
export { MessageSearch } from './components/MessageSearch';
