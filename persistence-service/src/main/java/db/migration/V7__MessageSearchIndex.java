package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The full-text index that message search reads (issue 20). MySQL gets the n-gram parser,
 * which also finds words in text written without spaces (Chinese, Japanese); MariaDB has
 * no n-gram parser and gets its word parser. Written in Java because the DDL differs by
 * server. Built without stopwords, so "the" or "about" can be searched for like any word.
 */
public class V7__MessageSearchIndex extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			boolean mariaDb;
			try (ResultSet version = statement.executeQuery("SELECT VERSION()")) {
				version.next();
				mariaDb = version.getString(1).toLowerCase(java.util.Locale.ROOT).contains("mariadb");
			}
			statement.execute("SET SESSION innodb_ft_enable_stopword = OFF");
			statement.execute("ALTER TABLE messages ADD FULLTEXT INDEX ft_messages_text (text)"
					+ (mariaDb ? "" : " WITH PARSER ngram"));
		}
	}

}
